package io.pulsehub.ingestion.collect;

import java.util.ArrayList;
import java.util.List;

import io.pulsehub.contracts.events.UserActivityEvent;

/**
 * Accepts the valid events of a request: publishes them, counts every outcome and says
 * what happened to each event.
 */
final class EventCollector {

	private static final EventError NOT_ACKNOWLEDGED = new EventError(null, "not_acknowledged",
			"Kafka did not acknowledge the event in time; resend it with this eventId");

	private final EventPublisher publisher;

	private final CollectMetrics metrics;

	EventCollector(EventPublisher publisher, CollectMetrics metrics) {
		this.publisher = publisher;
		this.metrics = metrics;
	}

	/**
	 * Publishes the valid events and reports on all of them.
	 * @param parsed the request's events, in request order
	 * @param batch whether they came as a batch (a refused single event is reported with
	 * its errors, a refused batch with its rejected events)
	 * @return the outcome when at least one event was accepted
	 * @throws CollectProblem when none was: 400 when none was valid, 503 when Kafka
	 * acknowledged none of the valid ones
	 */
	CollectResult collect(List<ParsedEvent> parsed, boolean batch) {
		List<RejectedEvent> rejected = new ArrayList<>();
		List<ParsedEvent> valid = new ArrayList<>();
		List<Integer> validIndex = new ArrayList<>();
		for (int i = 0; i < parsed.size(); i++) {
			ParsedEvent event = parsed.get(i);
			if (event.valid()) {
				valid.add(event);
				validIndex.add(i);
			}
			else {
				rejected.add(new RejectedEvent(i, event.eventId(), event.errors()));
				event.errors().forEach((error) -> this.metrics.rejected(event.type(), error.reason()));
			}
		}
		if (valid.isEmpty()) {
			throw batch ? CollectProblem.nothingAccepted(rejected) : CollectProblem.invalidEvent(parsed.get(0));
		}
		List<UserActivityEvent> events = valid.stream().map(ParsedEvent::event).toList();
		boolean[] acknowledged = this.publisher.publish(events);
		List<String> eventIds = new ArrayList<>();
		for (int i = 0; i < valid.size(); i++) {
			ParsedEvent event = valid.get(i);
			if (acknowledged[i]) {
				eventIds.add(event.eventId());
				this.metrics.accepted(event.type());
			}
			else {
				rejected.add(new RejectedEvent(validIndex.get(i), event.eventId(), List.of(NOT_ACKNOWLEDGED)));
				this.metrics.rejected(event.type(), NOT_ACKNOWLEDGED.reason());
			}
		}
		rejected.sort((a, b) -> Integer.compare(a.index(), b.index()));
		if (eventIds.isEmpty()) {
			throw CollectProblem.kafkaUnavailable(
					"Kafka did not acknowledge the events in time; nothing was accepted. Resend them with the "
							+ "eventIds listed in 'rejected' to keep the retry idempotent.",
					this.publisher.retryAfter(), rejected);
		}
		return new CollectResult(eventIds.size(), eventIds, rejected);
	}

}
