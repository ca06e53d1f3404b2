package io.pulsehub.profile.attributes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pulsehub.contracts.profile.AttributeKey;
import io.pulsehub.profile.core.InputError;
import io.pulsehub.profile.core.JsonValues;
import io.pulsehub.profile.core.ProfileProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid JSON merge patch (RFC 7396) of a user's attributes: a JSON object whose members
 * name attributes; {@code null} removes one, an object is merged into an object value,
 * anything else replaces the value.
 *
 * @param members attribute key to patch value, in body order
 */
record AttributePatch(Map<String, JsonNode> members) {

	/**
	 * Checks a patch body, every member before refusing any.
	 * @param body the raw body
	 * @param properties the bounds
	 * @return the patch
	 * @throws ProfileProblem (400) listing every bad member
	 */
	static AttributePatch parse(byte[] body, AttributeProperties properties) {
		JsonNode document;
		try {
			document = JsonValues.parse(body);
		}
		catch (JacksonException ex) {
			throw ProfileProblem.invalid(List.of(new InputError("body", "malformed", "must be one JSON document")));
		}
		if (document == null || !document.isObject()) {
			throw ProfileProblem
				.invalid(List.of(new InputError("body", "invalid", "must be a JSON object of attributes")));
		}
		if (document.isEmpty()) {
			throw ProfileProblem
				.invalid(List.of(new InputError("body", "invalid", "must name at least one attribute")));
		}
		if (document.size() > properties.maxPerPatch()) {
			throw ProfileProblem.invalid(List.of(new InputError("body", "too_many",
					"must name at most " + properties.maxPerPatch() + " attributes")));
		}
		List<InputError> errors = new ArrayList<>();
		Map<String, JsonNode> members = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> member : document.properties()) {
			String key = member.getKey();
			InputError error = check(key, member.getValue(), properties);
			if (error != null) {
				errors.add(error);
			}
			members.put(key, member.getValue());
		}
		if (!errors.isEmpty()) {
			throw ProfileProblem.invalid(errors);
		}
		return new AttributePatch(members);
	}

	/**
	 * Applies one member to the current value of its attribute (RFC 7396).
	 * @param current the stored value, or null
	 * @param patch the member's value
	 * @return the new value, or null to remove the attribute
	 */
	static JsonNode merge(JsonNode current, JsonNode patch) {
		if (patch == null || patch.isNull()) {
			return null;
		}
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = (current != null && current.isObject()) ? ((ObjectNode) current).deepCopy()
				: JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			JsonNode merged = merge(result.get(member.getKey()), member.getValue());
			if (merged == null) {
				result.remove(member.getKey());
			}
			else {
				result.set(member.getKey(), merged);
			}
		}
		return result;
	}

	private static InputError check(String key, JsonNode value, AttributeProperties properties) {
		String field = "attributes." + key;
		if (!AttributeKey.matchesPattern(key)) {
			return new InputError(field, "invalid",
					"key must be 1-64 letters, digits, _ and -, starting with a letter");
		}
		if (AttributeKey.RESERVED.contains(key)) {
			return new InputError(field, "reserved", "key is reserved: " + String.join(", ", AttributeKey.RESERVED));
		}
		if (hasHugeNumber(value)) {
			return new InputError(field, "invalid", "numbers must be finite and fit in 64 bits");
		}
		long size = JsonValues.text(value).getBytes(StandardCharsets.UTF_8).length;
		if (size > properties.maxValueSize().toBytes()) {
			return new InputError(field, "too_long",
					"value must be at most " + properties.maxValueSize().toBytes() + " bytes of JSON");
		}
		return null;
	}

	private static boolean hasHugeNumber(JsonNode value) {
		if (value.isBigInteger() || value.isBigDecimal()
				|| (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()))) {
			return true;
		}
		for (JsonNode child : value.values()) {
			if (hasHugeNumber(child)) {
				return true;
			}
		}
		return false;
	}

}
