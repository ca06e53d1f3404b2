package io.pulsehub.profile.core;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Attribute values in two forms: JSON text (the Redis {@code attr.*} field) and a JSON
 * tree (the API); their MongoDB form is the contracts' {@code ProfileDocumentCodec}'s.
 */
public final class JsonValues {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonValues() {
	}

	/**
	 * Parses one JSON document strictly (no duplicate keys, nothing after it).
	 * @param json the text
	 * @return the tree
	 * @throws JacksonException when it is not one valid JSON document
	 */
	public static JsonNode parse(byte[] json) {
		return MAPPER.readTree(json);
	}

	/**
	 * A stored attribute as a tree; text a writer stored unparsable is answered as a
	 * string rather than hiding the profile.
	 * @param text the {@code attr.<key>} value
	 * @return the tree
	 */
	static JsonNode tree(String text) {
		try {
			return MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(text);
		}
	}

	/**
	 * The compact JSON text of a tree, as stored in {@code attr.<key>}.
	 * @param value the tree
	 * @return the text
	 */
	public static String text(JsonNode value) {
		return MAPPER.writeValueAsString(value);
	}

}
