package io.pulsehub.contracts.profile;

/**
 * The profile-service's {@code attr.*} fields of the profile hash: one field per
 * attribute ({@code attr.<key>}, the value as JSON text) plus the namespace's version and
 * update time, whose names are therefore reserved attribute keys.
 */
public final class AttributeFields {

	/** Every attribute field starts with this. */
	public static final String PREFIX = "attr.";

	/** Incremented by every attribute write. */
	public static final String VERSION = "attr.version";

	/** Wall-clock time of the last write. */
	public static final String UPDATED_AT = "attr.updated_at";

	private AttributeFields() {
	}

	/**
	 * The field of one attribute.
	 * @param key the attribute key
	 * @return {@code attr.<key>}
	 */
	public static String attribute(String key) {
		return PREFIX + key;
	}

}
