package io.pulsehub.stream.tags;

import java.time.Duration;

import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.profile.WindowedCount;

/**
 * The sliding-window tags the processor keeps; each bucket is 1/30 to 1/96 of its window,
 * which bounds how early an event may leave the count.
 */
enum WindowedTag {

	VIEWS_5M("views_5m", EventType.PAGE_VIEW, Duration.ofMinutes(5), Duration.ofSeconds(10)),

	CLICKS_5M("clicks_5m", EventType.CLICK, Duration.ofMinutes(5), Duration.ofSeconds(10)),

	CLICKS_1H("clicks_1h", EventType.CLICK, Duration.ofHours(1), Duration.ofMinutes(1)),

	CLICKS_24H("clicks_24h", EventType.CLICK, Duration.ofHours(24), Duration.ofMinutes(15)),

	PURCHASES_24H("purchases_24h", EventType.PURCHASE, Duration.ofHours(24), Duration.ofMinutes(15)),

	IMPRESSIONS_24H("impressions_24h", EventType.IMPRESSION, Duration.ofHours(24), Duration.ofMinutes(15));

	private final String tag;

	private final EventType counts;

	private final Duration window;

	private final Duration bucket;

	WindowedTag(String tag, EventType counts, Duration window, Duration bucket) {
		this.tag = tag;
		this.counts = counts;
		this.window = window;
		this.bucket = bucket;
	}

	String tag() {
		return this.tag;
	}

	boolean counts(EventType type) {
		return this.counts == type;
	}

	WindowedCount decode(String encoded) {
		return (encoded != null) ? WindowedCount.decode(encoded) : WindowedCount.empty(this.window, this.bucket);
	}

}
