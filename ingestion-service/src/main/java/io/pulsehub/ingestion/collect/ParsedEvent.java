package io.pulsehub.ingestion.collect;

import java.util.List;

import io.pulsehub.contracts.events.UserActivityEvent;
import org.jspecify.annotations.Nullable;

/**
 * One event of a request after validation: the event to produce, or why it was refused.
 *
 * @param event the event, {@code null} when refused
 * @param eventId the event id the client sent (or the generated one), {@code null} when
 * it sent none and the event was refused
 * @param type the event type as sent, for metrics ({@code unknown} when unreadable)
 * @param errors every problem found; empty when the event is valid
 */
record ParsedEvent(@Nullable UserActivityEvent event, @Nullable String eventId, String type, List<EventError> errors) {

	boolean valid() {
		return this.event != null;
	}

}
