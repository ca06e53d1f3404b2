package io.pulsehub.contracts.profile;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * Attribute values between their Redis form ({@code attr.<key>} = JSON text) and their
 * MongoDB form (plain maps, lists, strings, numbers, booleans).
 */
final class AttributeJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private AttributeJson() {
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
	 * The value to store in MongoDB for JSON text; text a writer stored unparsable is
	 * kept as a string.
	 * @param text the {@code attr.<key>} value
	 * @return maps, lists, strings, numbers, booleans or null
	 */
	static Object bsonOfText(String text) {
		try {
			return MAPPER.convertValue(MAPPER.readTree(text), Object.class);
		}
		catch (JacksonException ex) {
			return text;
		}
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
