package io.pulsehub.contracts.profile;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attribute key rule: 1 to 64 letters, digits, {@code _} and {@code -}, starting with
 * a letter (no dots, so a key is one Redis field and one MongoDB path segment), and not a
 * name the {@code attr.*} namespace reserves for itself.
 */
public final class AttributeKey {

	/** Keys that name the namespace's own fields. */
	public static final Set<String> RESERVED = Set.of(
			AttributeFields.VERSION.substring(AttributeFields.PREFIX.length()),
			AttributeFields.UPDATED_AT.substring(AttributeFields.PREFIX.length()));

	private static final Pattern PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

	private AttributeKey() {
	}

	/**
	 * Whether a key follows the pattern and is not reserved.
	 * @param key the key
	 * @return true when it may be stored
	 */
	public static boolean isValid(String key) {
		return matchesPattern(key) && !RESERVED.contains(key);
	}

	/**
	 * Whether a key follows the pattern, reserved or not.
	 * @param key the key
	 * @return true when it has the allowed shape
	 */
	public static boolean matchesPattern(String key) {
		return PATTERN.matcher(key).matches();
	}

}
