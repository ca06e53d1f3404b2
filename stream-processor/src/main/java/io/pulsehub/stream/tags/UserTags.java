package io.pulsehub.stream.tags;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.WindowedCount;
import io.pulsehub.stream.device.Device;
import io.pulsehub.stream.tags.state.UserTagsState;

/**
 * Applies one event to a user's tag state: a pure function of the state and the event, so
 * a replay after a crash computes the same absolute values again.
 * <p>
 * Windowed counts use the user's own latest event time as "now": an event counts in its
 * own bucket while that bucket is still inside the tag's window (the grace period is the
 * window itself); an older one only adds to the lifetime totals.
 */
final class UserTags {

	private UserTags() {
	}

	static Applied apply(UserTagsState state, TaggedEvent tagged) {
		UserActivityEvent event = tagged.event();
		Instant eventTime = instantOf(event.getOccurredAt());
		long eventMs = eventTime.toEpochMilli();
		UserTagsState.Builder next = state.toBuilder().setVersion(state.getVersion() + 1);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(RealtimeFields.VERSION, Long.toString(next.getVersion()));
		long count = state.getCountsOrDefault(event.getType().name(), 0) + 1;
		next.putCounts(event.getType().name(), count);
		fields.put(RealtimeFields.count(event.getType()), Long.toString(count));
		if (event.getType() == EventType.PURCHASE && !event.getCurrency().isEmpty()) {
			long amount = state.getPurchaseAmountsOrDefault(event.getCurrency(), 0) + event.getAmountMinor();
			next.putPurchaseAmounts(event.getCurrency(), amount);
			fields.put(RealtimeFields.purchaseAmount(event.getCurrency()), Long.toString(amount));
		}
		if (state.getVersion() == 0 || eventMs < state.getFirstSeenMs()) {
			next.setFirstSeenMs(eventMs);
			fields.put(RealtimeFields.FIRST_SEEN, eventTime.toString());
		}
		if (state.getVersion() == 0 || eventMs >= state.getLastSeenMs()) {
			next.setLastSeenMs(eventMs);
			fields.put(RealtimeFields.LAST_SEEN, eventTime.toString());
			if (!event.getUserAgent().isEmpty()) {
				applyDevice(tagged.device(), next, fields);
			}
		}
		Instant now = Instant.ofEpochMilli(Math.max(eventMs, state.getLastSeenMs()));
		boolean late = false;
		for (WindowedTag tag : WindowedTag.values()) {
			if (tag.counts(event.getType())) {
				WindowedCount current = tag.decode(state.getWindowsOrDefault(tag.tag(), null));
				if (current.counts(eventTime, now)) {
					String encoded = current.plus(eventTime, 1, now).encode();
					next.putWindows(tag.tag(), encoded);
					fields.put(RealtimeFields.windowed(tag.tag()), encoded);
				}
				else {
					late = true;
				}
			}
		}
		return new Applied(next.build(), fields, late);
	}

	private static void applyDevice(Device device, UserTagsState.Builder next, Map<String, String> fields) {
		next.setDeviceClass(device.deviceClass().name()).setDeviceOs(device.os()).setDeviceBrowser(device.browser());
		fields.put(RealtimeFields.DEVICE_CLASS, device.deviceClass().name());
		fields.put(RealtimeFields.DEVICE_OS, device.os());
		fields.put(RealtimeFields.DEVICE_BROWSER, device.browser());
	}

	private static Instant instantOf(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

	/**
	 * The outcome of applying an event.
	 *
	 * @param state the user's state after the event
	 * @param fields the {@code rt.*} fields it changed, with their new absolute values
	 * @param late whether the event was too old to count in a windowed tag
	 */
	record Applied(UserTagsState state, Map<String, String> fields, boolean late) {

		long version() {
			return this.state.getVersion();
		}

	}

}
