package io.pulsehub.ingestion.collect;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An event of a request that was not accepted.
 *
 * @param index its position in the request (0 for a single event)
 * @param eventId its event id: the client's, or the one generated for it when Kafka did
 * not acknowledge it (resend with that id and the retry stays idempotent)
 * @param errors why
 */
record RejectedEvent(int index, @Nullable String eventId, List<EventError> errors) {
}
