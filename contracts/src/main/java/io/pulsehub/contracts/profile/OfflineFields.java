package io.pulsehub.contracts.profile;

/**
 * The offline job's {@code off.*} fields of the profile hash, e.g. {@code off.ltv_total}
 * and {@code off.segment_id}, plus the namespace's version and update time.
 */
public final class OfflineFields {

	/** Every offline field starts with this. */
	public static final String PREFIX = "off.";

	/** Incremented by every offline write. */
	public static final String VERSION = "off.version";

	/** Wall-clock time of the last write. */
	public static final String UPDATED_AT = "off.updated_at";

	/** Lifetime value in minor units of the reporting currency. */
	public static final String LTV_TOTAL = "off.ltv_total";

	/** The user's segment, as assigned by the offline job. */
	public static final String SEGMENT_ID = "off.segment_id";

	private OfflineFields() {
	}

}
