package io.pulsehub.contracts.profile;

/**
 * The points projector's {@code pts.*} fields of the profile hash. Amounts are decimal
 * integers (points), instants ISO-8601 strings.
 */
public final class PointsFields {

	/** Every points field starts with this. */
	public static final String PREFIX = "pts.";

	/**
	 * The per-user ledger sequence of the last applied points event; a write carrying a
	 * sequence not above it is a replay and changes nothing.
	 */
	public static final String VERSION = "pts.version";

	/** Wall-clock time of the last write. */
	public static final String UPDATED_AT = "pts.updated_at";

	/** Current balance. */
	public static final String BALANCE = "pts.balance";

	/** Points earned over the user's lifetime (reversals of earns subtract). */
	public static final String LIFETIME_EARNED = "pts.lifetime_earned";

	/** Points spent over the user's lifetime (reversals of spends subtract). */
	public static final String LIFETIME_SPENT = "pts.lifetime_spent";

	private PointsFields() {
	}

}
