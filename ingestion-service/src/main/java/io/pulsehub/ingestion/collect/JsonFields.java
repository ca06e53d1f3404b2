package io.pulsehub.ingestion.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object, collecting every problem instead of stopping at
 * the first.
 */
final class JsonFields {

	private final JsonNode object;

	private final List<EventError> errors = new ArrayList<>();

	JsonFields(JsonNode object) {
		this.object = object;
	}

	/** A string field, {@code null} when absent, null or blank. */
	@Nullable String optionalString(String field, int maxLength) {
		JsonNode node = this.object.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			this.errors.add(EventError.invalid(field, "must be a string"));
			return null;
		}
		String value = node.stringValue();
		if (value.isBlank()) {
			return null;
		}
		if (value.length() > maxLength) {
			this.errors.add(EventError.tooLong(field, maxLength));
			return null;
		}
		return value;
	}

	/** A string field that must be present and match a pattern. */
	@Nullable String requiredString(String field, int maxLength, Pattern pattern, String allowed) {
		int before = this.errors.size();
		String value = optionalString(field, maxLength);
		if (value == null) {
			if (this.errors.size() == before) {
				// absent, null or blank
				this.errors.add(EventError.missing(field));
			}
			return null;
		}
		return matching(field, value, pattern, allowed);
	}

	/** An optional string that, when present, must match a pattern. */
	@Nullable String optionalString(String field, int maxLength, Pattern pattern, String allowed) {
		String value = optionalString(field, maxLength);
		return (value != null) ? matching(field, value, pattern, allowed) : null;
	}

	/** A whole number field, {@code null} when absent. */
	@Nullable Long optionalLong(String field) {
		JsonNode node = this.object.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			this.errors.add(EventError.invalid(field, "must be a whole number"));
			return null;
		}
		return node.longValue();
	}

	/** Records a problem found by the caller. */
	void reject(EventError error) {
		this.errors.add(error);
	}

	List<EventError> errors() {
		return this.errors;
	}

	private @Nullable String matching(String field, String value, Pattern pattern, String allowed) {
		if (!pattern.matcher(value).matches()) {
			this.errors.add(EventError.invalid(field, "may contain only " + allowed));
			return null;
		}
		return value;
	}

}
