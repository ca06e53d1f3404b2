package io.pulsehub.contracts.profile;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;

import static io.pulsehub.contracts.profile.UserProfileDocument.ID;
import static io.pulsehub.contracts.profile.UserProfileDocument.SCHEMA;
import static io.pulsehub.contracts.profile.UserProfileDocument.SCHEMA_VERSION;
import static io.pulsehub.contracts.profile.UserProfileDocument.SOURCES;
import static io.pulsehub.contracts.profile.UserProfileDocument.UPDATED_AT;
import static io.pulsehub.contracts.profile.UserProfileDocument.USER_ID;
import static io.pulsehub.contracts.profile.UserProfileDocument.VERSION;

/**
 * Maps {@code user_profiles} documents to and from the Redis hash layout: version 2 both
 * ways (whole documents or one section at a time), the old flat shape (version 1 or no
 * {@code schemaVersion}) on read through {@link LegacyProfileDocument}. The one mapping
 * the profile-service (reader) and the sync-service (writer) share.
 */
public final class ProfileDocumentCodec {

	private ProfileDocumentCodec() {
	}

	/**
	 * The fields of a document of any supported shape.
	 * @param document the stored document
	 * @return the fields in the Redis layout
	 */
	public static Map<String, String> toFields(Document document) {
		if (!isCurrent(document)) {
			return LegacyProfileDocument.toFields(document);
		}
		Map<String, String> fields = new HashMap<>();
		Document sources = subDocument(document, SOURCES);
		for (ProfileSection section : ProfileSection.values()) {
			int before = fields.size();
			sectionFields(section, subDocument(document, section.documentName()), fields);
			Document source = subDocument(sources, section.documentName());
			Object version = source.get(VERSION);
			boolean written = version instanceof Number number && number.longValue() > 0;
			if (fields.size() > before || written) {
				fields.put(section.versionField(), (version != null) ? text(version) : "0");
				putText(fields, section.updatedAtField(), source.get(UPDATED_AT));
			}
		}
		return fields;
	}

	/**
	 * A version 2 document holding the fields.
	 * @param userId the user (also the id of a new document)
	 * @param fields the fields in the Redis layout
	 * @param now the write time, the document's {@code updatedAt}
	 * @return the document, without {@code _id}
	 */
	public static Document toDocument(String userId, Map<String, String> fields, Instant now) {
		Document document = new Document(USER_ID, userId).append(SCHEMA, SCHEMA_VERSION);
		Document sources = new Document();
		for (ProfileSection section : ProfileSection.values()) {
			document.append(section.documentName(), section(section, fields));
			sources.put(section.documentName(), source(section, fields));
		}
		return document.append(SOURCES, sources).append(UPDATED_AT, Date.from(now));
	}

	/**
	 * One section's sub-document.
	 * @param section the section
	 * @param fields the fields in the Redis layout (other sections' are ignored)
	 * @return the sub-document, empty when the user has none of the section
	 */
	public static Document section(ProfileSection section, Map<String, String> fields) {
		return switch (section) {
			case ATTRIBUTES -> attributes(fields);
			case REALTIME -> RealtimeSection.toDocument(fields);
			case OFFLINE -> offline(fields);
			case POINTS -> points(fields);
		};
	}

	/**
	 * One section's entry in {@code sources}: its version and update time.
	 * @param section the section
	 * @param fields the fields in the Redis layout
	 * @return {@code {version, updatedAt}}, version 0 when the user has none
	 */
	public static Document source(ProfileSection section, Map<String, String> fields) {
		Document source = new Document();
		putLong(source, VERSION, fields.getOrDefault(section.versionField(), "0"));
		Date updatedAt = dateOf(fields.get(section.updatedAtField()));
		if (updatedAt != null) {
			source.put(UPDATED_AT, updatedAt);
		}
		return source;
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

	/**
	 * An ISO-8601 instant of the hash, or null.
	 * @param value the field value
	 * @return the instant, null when absent or unparsable
	 */
	public static Instant instantOf(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static void sectionFields(ProfileSection section, Document body, Map<String, String> fields) {
		if (section == ProfileSection.ATTRIBUTES) {
			body.forEach((key, value) -> fields.put(AttributeFields.attribute(key), AttributeJson.textOfBson(value)));
		}
		else if (section == ProfileSection.REALTIME) {
			RealtimeSection.toFields(body, fields);
		}
		else if (section == ProfileSection.OFFLINE) {
			body.forEach((key, value) -> fields.put(OfflineFields.PREFIX + key, text(value)));
		}
		else {
			putText(fields, PointsFields.BALANCE, body.get("balance"));
			putText(fields, PointsFields.LIFETIME_EARNED, body.get("lifetimeEarned"));
			putText(fields, PointsFields.LIFETIME_SPENT, body.get("lifetimeSpent"));
		}
	}

	private static Document attributes(Map<String, String> fields) {
		Document attributes = new Document();
		fields.forEach((field, value) -> {
			if (ProfileSection.ATTRIBUTES.holdsData(field)) {
				attributes.put(field.substring(AttributeFields.PREFIX.length()), AttributeJson.bsonOfText(value));
			}
		});
		return attributes;
	}

	private static Document offline(Map<String, String> fields) {
		Document offline = new Document();
		fields.forEach((field, value) -> {
			if (ProfileSection.OFFLINE.holdsData(field)) {
				offline.put(field.substring(OfflineFields.PREFIX.length()), value);
			}
		});
		return offline;
	}

	private static Document points(Map<String, String> fields) {
		Document points = new Document();
		putLong(points, "balance", fields.get(PointsFields.BALANCE));
		putLong(points, "lifetimeEarned", fields.get(PointsFields.LIFETIME_EARNED));
		putLong(points, "lifetimeSpent", fields.get(PointsFields.LIFETIME_SPENT));
		return points;
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
		Instant instant = instantOf(value);
		return (instant != null) ? Date.from(instant) : null;
	}

}
