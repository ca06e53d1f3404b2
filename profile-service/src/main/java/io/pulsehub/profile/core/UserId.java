package io.pulsehub.profile.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A user id as the API accepts it: the ingestion API's rule (1 to 128 letters, digits and
 * {@code . _ : @ + -}, starting with a letter or digit), so every user that has events
 * can be looked up.
 */
public final class UserId {

	/** The longest user id. */
	public static final int MAX_LENGTH = 128;

	private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}");

	private UserId() {
	}

	/**
	 * Checks a user id from a request.
	 * @param field where it came from, for the error
	 * @param value the raw value
	 * @return the id
	 * @throws ProfileProblem (400) when it breaks the rule
	 */
	public static String require(String field, String value) {
		if (value == null || value.isEmpty()) {
			throw ProfileProblem.invalid(List.of(new InputError(field, "invalid", "must not be empty")));
		}
		if (value.length() > MAX_LENGTH) {
			throw ProfileProblem
				.invalid(List.of(new InputError(field, "too_long", "must be at most " + MAX_LENGTH + " characters")));
		}
		if (!PATTERN.matcher(value).matches()) {
			throw ProfileProblem.invalid(List.of(new InputError(field, "invalid",
					"must be letters, digits and . _ : @ + -, starting with a letter or digit")));
		}
		return value;
	}

}
