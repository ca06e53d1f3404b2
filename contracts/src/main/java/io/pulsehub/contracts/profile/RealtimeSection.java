package io.pulsehub.contracts.profile;

import java.util.Map;

import org.bson.Document;

/**
 * The {@code realtime} section of a version 2 document and its {@code rt.*} fields.
 * Windowed tags keep their encoded buckets so a MongoDB read sums them at read time too.
 */
final class RealtimeSection {

	static final String AS_OF = "asOf";

	private static final String COUNT = RealtimeFields.PREFIX + "count.";

	private static final String AMOUNT = RealtimeFields.PREFIX + "purchase_amount.";

	private static final String[][] SCALARS = { { "firstSeen", RealtimeFields.FIRST_SEEN },
			{ "lastSeen", RealtimeFields.LAST_SEEN } };

	private static final String[][] DEVICE = { { "class", RealtimeFields.DEVICE_CLASS },
			{ "os", RealtimeFields.DEVICE_OS }, { "browser", RealtimeFields.DEVICE_BROWSER } };

	private RealtimeSection() {
	}

	static void toFields(Document realtime, Map<String, String> fields) {
		for (String[] scalar : SCALARS) {
			ProfileDocumentCodec.putText(fields, scalar[1], realtime.get(scalar[0]));
		}
		Document device = ProfileDocumentCodec.subDocument(realtime, "device");
		for (String[] part : DEVICE) {
			ProfileDocumentCodec.putText(fields, part[1], device.get(part[0]));
		}
		ProfileDocumentCodec.subDocument(realtime, "counts")
			.forEach((type, count) -> fields.put(COUNT + type, ProfileDocumentCodec.text(count)));
		ProfileDocumentCodec.subDocument(realtime, "purchaseAmounts")
			.forEach((currency, amount) -> fields.put(AMOUNT + currency, ProfileDocumentCodec.text(amount)));
		ProfileDocumentCodec.subDocument(realtime, "windowed")
			.forEach((tag, encoded) -> fields.put(RealtimeFields.windowed(tag), String.valueOf(encoded)));
		ProfileDocumentCodec.subDocument(realtime, "extra")
			.forEach((name, value) -> fields.put(RealtimeFields.PREFIX + name, ProfileDocumentCodec.text(value)));
	}

	static Document toDocument(Map<String, String> fields) {
		Document realtime = new Document();
		Document device = new Document();
		Document counts = new Document();
		Document amounts = new Document();
		Document windowed = new Document();
		Document extra = new Document();
		fields.forEach((field, value) -> {
			if (!field.startsWith(RealtimeFields.PREFIX) || field.equals(RealtimeFields.VERSION)
					|| field.equals(RealtimeFields.UPDATED_AT)) {
				return;
			}
			if (field.startsWith(COUNT)) {
				ProfileDocumentCodec.putLong(counts, field.substring(COUNT.length()), value);
			}
			else if (field.startsWith(AMOUNT)) {
				ProfileDocumentCodec.putLong(amounts, field.substring(AMOUNT.length()), value);
			}
			else if (!known(field, device, realtime, value)) {
				String name = field.substring(RealtimeFields.PREFIX.length());
				((value.indexOf('|') > 0) ? windowed : extra).put(name, value);
			}
		});
		if (fields.containsKey(RealtimeFields.UPDATED_AT)) {
			realtime.put(AS_OF, ProfileDocumentCodec.dateOf(fields.get(RealtimeFields.UPDATED_AT)));
		}
		return realtime.append("device", device)
			.append("counts", counts)
			.append("purchaseAmounts", amounts)
			.append("windowed", windowed)
			.append("extra", extra);
	}

	private static boolean known(String field, Document device, Document realtime, String value) {
		for (String[] scalar : SCALARS) {
			if (scalar[1].equals(field)) {
				realtime.put(scalar[0], ProfileDocumentCodec.dateOf(value));
				return true;
			}
		}
		for (String[] part : DEVICE) {
			if (part[1].equals(field)) {
				device.put(part[0], value);
				return true;
			}
		}
		return false;
	}

}
