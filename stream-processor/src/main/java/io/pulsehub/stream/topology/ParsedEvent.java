package io.pulsehub.stream.topology;

import io.pulsehub.contracts.events.UserActivityEvent;

/**
 * A source record after parsing: an event, or the raw bytes and why they are not one.
 *
 * @param event the event, null when invalid
 * @param raw the record's bytes as read
 * @param reason a short reason code when invalid, null otherwise
 */
record ParsedEvent(UserActivityEvent event, byte[] raw, String reason) {

	static ParsedEvent valid(UserActivityEvent event, byte[] raw) {
		return new ParsedEvent(event, raw, null);
	}

	static ParsedEvent invalid(byte[] raw, String reason) {
		return new ParsedEvent(null, raw, reason);
	}

	boolean isValid() {
		return this.reason == null;
	}

}
