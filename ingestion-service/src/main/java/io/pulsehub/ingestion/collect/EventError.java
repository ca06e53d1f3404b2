package io.pulsehub.ingestion.collect;

/**
 * One reason an event was refused.
 *
 * @param field the JSON field at fault ({@code null} when the whole event is)
 * @param code a stable, machine-readable reason ({@code missing}, {@code invalid},
 * {@code too_long}, {@code too_old}, {@code in_future}, {@code unknown_field},
 * {@code not_acknowledged})
 * @param message what is wrong, for a person
 */
record EventError(String field, String code, String message) {

	static EventError missing(String field) {
		return new EventError(field, "missing", "is required");
	}

	static EventError invalid(String field, String message) {
		return new EventError(field, "invalid", message);
	}

	static EventError tooLong(String field, int max) {
		return new EventError(field, "too_long", "must be at most " + max + " characters");
	}

	/** The metric tag: field and code, e.g. {@code userId.missing}. */
	String reason() {
		return (this.field != null) ? this.field + "." + this.code : this.code;
	}

}
