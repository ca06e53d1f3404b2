package io.pulsehub.contracts.profile;

import java.util.Locale;

import io.pulsehub.contracts.events.EventType;

/**
 * The stream-processor's {@code rt.*} fields of the profile hash. Instants are ISO-8601
 * strings, counts and amounts decimal integers, windowed tags {@link WindowedCount}s.
 */
public final class RealtimeFields {

	/** Every realtime field starts with this. */
	public static final String PREFIX = "rt.";

	/** Events applied to the user so far; grows with every change. */
	public static final String VERSION = "rt.version";

	/** Wall-clock time of the last write. */
	public static final String UPDATED_AT = "rt.updated_at";

	/** Event time of the user's earliest event. */
	public static final String FIRST_SEEN = "rt.first_seen";

	/** Event time of the user's latest event. */
	public static final String LAST_SEEN = "rt.last_seen";

	/** DESKTOP, MOBILE, TABLET, BOT or UNKNOWN, from the latest event's user agent. */
	public static final String DEVICE_CLASS = "rt.device.class";

	/** Operating system family of the latest device. */
	public static final String DEVICE_OS = "rt.device.os";

	/** Browser family of the latest device. */
	public static final String DEVICE_BROWSER = "rt.device.browser";

	private static final String COUNT_PREFIX = PREFIX + "count.";

	private static final String PURCHASE_AMOUNT_PREFIX = PREFIX + "purchase_amount.";

	private RealtimeFields() {
	}

	/**
	 * Lifetime count of one event type, e.g. {@code rt.count.page_view}.
	 * @param type the event type
	 * @return the field name
	 */
	public static String count(EventType type) {
		return COUNT_PREFIX + type.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Lifetime purchase amount in minor units of one currency, e.g.
	 * {@code rt.purchase_amount.EUR}.
	 * @param currency the ISO 4217 code
	 * @return the field name
	 */
	public static String purchaseAmount(String currency) {
		return PURCHASE_AMOUNT_PREFIX + currency;
	}

	/**
	 * A windowed tag, e.g. {@code rt.views_5m}; its value is a {@link WindowedCount}.
	 * @param tag the tag name
	 * @return the field name
	 */
	public static String windowed(String tag) {
		return PREFIX + tag;
	}

}
