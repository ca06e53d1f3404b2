package io.pulsehub.contracts.profile;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code rt.*} fields of a profile hash read at one instant: windowed tags summed for
 * that instant, the 24-hour click-through rate derived from them.
 *
 * @param version the realtime namespace's version, 0 when the user has none
 * @param updatedAt when the stream-processor last wrote, or null
 * @param firstSeen event time of the earliest event, or null
 * @param lastSeen event time of the latest event, or null
 * @param deviceClass DESKTOP, MOBILE, TABLET, BOT, UNKNOWN, or null
 * @param deviceOs operating system family, or null
 * @param deviceBrowser browser family, or null
 * @param counts lifetime events by type, e.g. {@code page_view}
 * @param purchaseAmounts lifetime purchase amounts in minor units by currency
 * @param windowed windowed tags at the read instant, e.g. {@code views_5m}
 * @param ctr24h clicks per impression over 24 hours, null without impressions
 */
public record RealtimeTagsView(long version, Instant updatedAt, Instant firstSeen, Instant lastSeen, String deviceClass,
		String deviceOs, String deviceBrowser, Map<String, Long> counts, Map<String, Long> purchaseAmounts,
		Map<String, Long> windowed, Double ctr24h) {

	private static final String COUNT = RealtimeFields.PREFIX + "count.";

	private static final String PURCHASE_AMOUNT = RealtimeFields.PREFIX + "purchase_amount.";

	/**
	 * Reads the realtime namespace of a profile hash; other namespaces are ignored.
	 * @param hash the profile hash, field to value
	 * @param now the read instant windowed tags are summed for
	 * @return the view
	 */
	public static RealtimeTagsView of(Map<String, String> hash, Instant now) {
		Map<String, Long> counts = new TreeMap<>();
		Map<String, Long> amounts = new TreeMap<>();
		Map<String, Long> windowed = new TreeMap<>();
		hash.forEach((field, value) -> {
			if (field.startsWith(COUNT)) {
				counts.put(field.substring(COUNT.length()), Long.parseLong(value));
			}
			else if (field.startsWith(PURCHASE_AMOUNT)) {
				amounts.put(field.substring(PURCHASE_AMOUNT.length()), Long.parseLong(value));
			}
			else if (field.startsWith(RealtimeFields.PREFIX) && value.indexOf('|') > 0) {
				windowed.put(field.substring(RealtimeFields.PREFIX.length()), WindowedCount.decode(value).valueAt(now));
			}
		});
		return new RealtimeTagsView(longOf(hash.get(RealtimeFields.VERSION)),
				instantOf(hash, RealtimeFields.UPDATED_AT), instantOf(hash, RealtimeFields.FIRST_SEEN),
				instantOf(hash, RealtimeFields.LAST_SEEN), hash.get(RealtimeFields.DEVICE_CLASS),
				hash.get(RealtimeFields.DEVICE_OS), hash.get(RealtimeFields.DEVICE_BROWSER), counts, amounts, windowed,
				ctr(windowed));
	}

	private static Double ctr(Map<String, Long> windowed) {
		long impressions = windowed.getOrDefault("impressions_24h", 0L);
		if (impressions == 0) {
			return null;
		}
		return (double) windowed.getOrDefault("clicks_24h", 0L) / impressions;
	}

	private static long longOf(String value) {
		return (value != null) ? Long.parseLong(value) : 0;
	}

	private static Instant instantOf(Map<String, String> hash, String field) {
		String value = hash.get(field);
		return (value != null) ? Instant.parse(value) : null;
	}

}
