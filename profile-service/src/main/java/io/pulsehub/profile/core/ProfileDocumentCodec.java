package io.pulsehub.profile.core;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.pulsehub.contracts.profile.AttributeFields;
import io.pulsehub.contracts.profile.OfflineFields;
import io.pulsehub.contracts.profile.PointsFields;
import io.pulsehub.contracts.profile.RealtimeFields;
import org.bson.Document;

import static io.pulsehub.contracts.profile.UserProfileDocument.ATTRIBUTES;
import static io.pulsehub.contracts.profile.UserProfileDocument.ID;
import static io.pulsehub.contracts.profile.UserProfileDocument.OFFLINE;
import static io.pulsehub.contracts.profile.UserProfileDocument.POINTS;
import static io.pulsehub.contracts.profile.UserProfileDocument.REALTIME;
import static io.pulsehub.contracts.profile.UserProfileDocument.SCHEMA;
import static io.pulsehub.contracts.profile.UserProfileDocument.SCHEMA_VERSION;
import static io.pulsehub.contracts.profile.UserProfileDocument.SOURCES;
import static io.pulsehub.contracts.profile.UserProfileDocument.UPDATED_AT;
import static io.pulsehub.contracts.profile.UserProfileDocument.USER_ID;
import static io.pulsehub.contracts.profile.UserProfileDocument.VERSION;

/**
 * Maps {@code user_profiles} documents to and from the Redis field layout: version 2 both
 * ways, the old flat shape (version 1 or no {@code schemaVersion}) on read through
 * {@link LegacyProfileDocument}.
 */
public final class ProfileDocumentCodec {

	private ProfileDocumentCodec() {
	}

	/**
	 * The fields of a document of any supported shape.
	 * @param document the stored document
	 * @return the fields in the Redis layout
	 */
	public static ProfileFields toFields(Document document) {
		if (!isCurrent(document)) {
			return LegacyProfileDocument.toFields(document);
		}
		Map<String, String> fields = new HashMap<>();
		Document sources = subDocument(document, SOURCES);
		Document attributes = subDocument(document, ATTRIBUTES);
		attributes.forEach((key, value) -> fields.put(AttributeFields.attribute(key), JsonValues.textOfBson(value)));
		source(fields, sources, ATTRIBUTES, AttributeFields.VERSION, AttributeFields.UPDATED_AT, !attributes.isEmpty());
		Document realtime = subDocument(document, REALTIME);
		int before = fields.size();
		RealtimeSection.toFields(realtime, fields);
		source(fields, sources, REALTIME, RealtimeFields.VERSION, RealtimeFields.UPDATED_AT, fields.size() > before);
		Document offline = subDocument(document, OFFLINE);
		offline.forEach((key, value) -> fields.put(OfflineFields.PREFIX + key, text(value)));
		source(fields, sources, OFFLINE, OfflineFields.VERSION, OfflineFields.UPDATED_AT, !offline.isEmpty());
		Document points = subDocument(document, POINTS);
		before = fields.size();
		putText(fields, PointsFields.BALANCE, points.get("balance"));
		putText(fields, PointsFields.LIFETIME_EARNED, points.get("lifetimeEarned"));
		putText(fields, PointsFields.LIFETIME_SPENT, points.get("lifetimeSpent"));
		source(fields, sources, POINTS, PointsFields.VERSION, PointsFields.UPDATED_AT, fields.size() > before);
		return new ProfileFields(fields);
	}

	/**
	 * A version 2 document holding the fields.
	 * @param userId the user (also the id of a new document)
	 * @param profile the fields
	 * @param now the write time, the document's {@code updatedAt}
	 * @return the document, without {@code _id}
	 */
	public static Document toDocument(String userId, ProfileFields profile, Instant now) {
		Map<String, String> fields = profile.fields();
		Document attributes = new Document();
		Document offline = new Document();
		Document points = new Document();
		fields.forEach((field, value) -> {
			if (ProfileFields.isAttribute(field)) {
				attributes.put(field.substring(AttributeFields.PREFIX.length()), JsonValues.bsonOfText(value));
			}
			else if (field.startsWith(OfflineFields.PREFIX) && !field.equals(OfflineFields.VERSION)
					&& !field.equals(OfflineFields.UPDATED_AT)) {
				offline.put(field.substring(OfflineFields.PREFIX.length()), value);
			}
		});
		putLong(points, "balance", fields.get(PointsFields.BALANCE));
		putLong(points, "lifetimeEarned", fields.get(PointsFields.LIFETIME_EARNED));
		putLong(points, "lifetimeSpent", fields.get(PointsFields.LIFETIME_SPENT));
		Document sources = new Document();
		sources.put(ATTRIBUTES, source(fields, AttributeFields.VERSION, AttributeFields.UPDATED_AT));
		sources.put(REALTIME, source(fields, RealtimeFields.VERSION, RealtimeFields.UPDATED_AT));
		sources.put(OFFLINE, source(fields, OfflineFields.VERSION, OfflineFields.UPDATED_AT));
		sources.put(POINTS, source(fields, PointsFields.VERSION, PointsFields.UPDATED_AT));
		return new Document(USER_ID, userId).append(SCHEMA, SCHEMA_VERSION)
			.append(ATTRIBUTES, attributes)
			.append(REALTIME, RealtimeSection.toDocument(fields))
			.append(OFFLINE, offline)
			.append(POINTS, points)
			.append(SOURCES, sources)
			.append(UPDATED_AT, Date.from(now));
	}

	/**
	 * Whether a document has the current shape.
	 * @param document the stored document
	 * @return true for {@code schemaVersion} 2
	 */
	public static boolean isCurrent(Document document) {
		return document.get(SCHEMA) instanceof Number number && number.intValue() >= SCHEMA_VERSION;
	}

	/**
	 * The user a stored document belongs to.
	 * @param document the stored document
	 * @return its {@code userId}, else its {@code _id} as text
	 */
	public static String userIdOf(Document document) {
		Object userId = document.get(USER_ID);
		return (userId != null) ? userId.toString() : String.valueOf(document.get(ID));
	}

	static Document subDocument(Document document, String name) {
		return (document.get(name) instanceof Document sub) ? sub : new Document();
	}

	static String text(Object value) {
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
			return Long.toString(number.longValue());
		}
		return String.valueOf(value);
	}

	static void putText(Map<String, String> fields, String field, Object value) {
		if (value != null) {
			fields.put(field, text(value));
		}
	}

	static void putLong(Document document, String name, String value) {
		if (value != null) {
			try {
				document.put(name, Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				document.put(name, value);
			}
		}
	}

	static Date dateOf(String value) {
		Instant instant = ProfileFields.instantOf(value);
		return (instant != null) ? Date.from(instant) : null;
	}

	private static void source(Map<String, String> fields, Document sources, String section, String versionField,
			String updatedField, boolean present) {
		Document source = subDocument(sources, section);
		Object version = source.get(VERSION);
		boolean written = version instanceof Number number && number.longValue() > 0;
		if (!present && !written) {
			return;
		}
		fields.put(versionField, (version != null) ? text(version) : "0");
		putText(fields, updatedField, source.get(UPDATED_AT));
	}

	private static Document source(Map<String, String> fields, String versionField, String updatedField) {
		Document source = new Document();
		putLong(source, VERSION, fields.getOrDefault(versionField, "0"));
		Date updatedAt = dateOf(fields.get(updatedField));
		if (updatedAt != null) {
			source.put(UPDATED_AT, updatedAt);
		}
		return source;
	}

}
