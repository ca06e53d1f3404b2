package io.pulsehub.sync.admin;

/**
 * Bounded integer query parameters, read from text so a non-number is a 400 problem
 * naming the parameter, not a conversion error.
 */
public final class AdminParameters {

	private AdminParameters() {
	}

	/**
	 * An integer within bounds.
	 * @param name the parameter's name
	 * @param value its text
	 * @param min smallest allowed
	 * @param max largest allowed
	 * @return the value
	 * @throws SyncProblem (400) when it is not an integer within bounds
	 */
	public static int intIn(String name, String value, int min, int max) {
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed >= min && parsed <= max) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw SyncProblem.invalid(name + " must be an integer from " + min + " to " + max + ".");
	}

}
