package io.pulsehub.profile.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Attribute values in their three forms: JSON text (the Redis {@code attr.*} field), a
 * JSON tree (the API) and plain Java/BSON values (the MongoDB document).
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

	/**
	 * The JSON text of a value read from MongoDB.
	 * @param value a BSON-decoded value
	 * @return the text
	 */
	static String textOfBson(Object value) {
		return MAPPER.writeValueAsString(plain(value));
	}

	/**
	 * The value to store in MongoDB for JSON text.
	 * @param text the {@code attr.<key>} value
	 * @return maps, lists, strings, numbers, booleans or null
	 */
	static Object bsonOfText(String text) {
		return MAPPER.convertValue(tree(text), Object.class);
	}

	private static Object plain(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(plain(item)));
			return copy;
		}
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		if (value instanceof ObjectId id) {
			return id.toHexString();
		}
		if (value instanceof Decimal128 decimal) {
			return new BigDecimal(decimal.toString());
		}
		return value;
	}

}
