package io.pulsehub.contracts.profile;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pulsehub.contracts.events.EventType;
import org.bson.Document;

/**
 * Reads the old flat {@code user_profiles} shape ({@code schemaVersion} 1 or missing):
 * {@code userId}, {@code pageViews}, {@code clicks}, {@code impressions},
 * {@code purchases}, {@code lastDeviceType}, {@code firstSeen}, {@code lastSeen},
 * {@code segment}, {@code ltv}, {@code points}, an optional {@code attributes}
 * sub-document, and any other top-level field as an attribute. Such documents carry no
 * versions: their sections read as version 0, so any newer write wins.
 */
final class LegacyProfileDocument {

	private static final Map<String, String> FIELDS = Map.ofEntries(
			Map.entry("pageViews", RealtimeFields.count(EventType.PAGE_VIEW)),
			Map.entry("clicks", RealtimeFields.count(EventType.CLICK)),
			Map.entry("impressions", RealtimeFields.count(EventType.IMPRESSION)),
			Map.entry("purchases", RealtimeFields.count(EventType.PURCHASE)),
			Map.entry("firstSeen", RealtimeFields.FIRST_SEEN), Map.entry("lastSeen", RealtimeFields.LAST_SEEN),
			Map.entry("segment", OfflineFields.SEGMENT_ID), Map.entry("segmentId", OfflineFields.SEGMENT_ID),
			Map.entry("ltv", OfflineFields.LTV_TOTAL), Map.entry("ltvTotal", OfflineFields.LTV_TOTAL),
			Map.entry("points", PointsFields.BALANCE), Map.entry("pointsBalance", PointsFields.BALANCE));

	private static final Set<String> IGNORED = Set.of("_id", "userId", "schemaVersion", "updatedAt");

	private LegacyProfileDocument() {
	}

	static Map<String, String> toFields(Document document) {
		Map<String, String> fields = new HashMap<>();
		document.forEach((name, value) -> {
			if (value == null || IGNORED.contains(name)) {
				return;
			}
			String field = FIELDS.get(name);
			if (field != null) {
				fields.put(field, ProfileDocumentCodec.text(value));
			}
			else if (name.equals("lastDeviceType")) {
				fields.put(RealtimeFields.DEVICE_CLASS, value.toString().toUpperCase(Locale.ROOT));
			}
			else if (name.equals("attributes") && value instanceof Document attributes) {
				attributes
					.forEach((key, item) -> fields.put(AttributeFields.attribute(key), AttributeJson.textOfBson(item)));
			}
			else if (AttributeKey.isValid(name)) {
				fields.put(AttributeFields.attribute(name), AttributeJson.textOfBson(value));
			}
		});
		String updatedAt = (document.get("updatedAt") != null) ? ProfileDocumentCodec.text(document.get("updatedAt"))
				: null;
		section(fields, RealtimeFields.PREFIX, RealtimeFields.VERSION, RealtimeFields.UPDATED_AT, updatedAt);
		section(fields, AttributeFields.PREFIX, AttributeFields.VERSION, AttributeFields.UPDATED_AT, updatedAt);
		section(fields, OfflineFields.PREFIX, OfflineFields.VERSION, OfflineFields.UPDATED_AT, updatedAt);
		section(fields, PointsFields.PREFIX, PointsFields.VERSION, PointsFields.UPDATED_AT, updatedAt);
		return fields;
	}

	private static void section(Map<String, String> fields, String prefix, String versionField, String updatedField,
			String updatedAt) {
		boolean present = fields.keySet().stream().anyMatch((field) -> field.startsWith(prefix));
		if (present) {
			fields.put(versionField, "0");
			if (updatedAt != null) {
				fields.put(updatedField, updatedAt);
			}
		}
	}

}
