package io.pulsehub.points.projection;

import java.time.Clock;
import java.time.Instant;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.events.PointsEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code points-events} and keeps the Redis {@code pts.*} fields; each event
 * applies at most once (guarded by its per-user sequence), so the outbox relay's
 * at-least-once delivery never double counts.
 */
class PointsProjector {

	static final String LISTENER_ID = "points-projector";

	private static final Logger logger = LoggerFactory.getLogger(PointsProjector.class);

	private final RedisPointsProjection projection;

	private final ProfileChangePublisher changes;

	private final MeterRegistry registry;

	private final Clock clock;

	PointsProjector(RedisPointsProjection projection, ProfileChangePublisher changes, MeterRegistry registry,
			Clock clock) {
		this.projection = projection;
		this.changes = changes;
		this.registry = registry;
		this.clock = clock;
	}

	@KafkaListener(id = LISTENER_ID, topics = "points-events", containerFactory = "pointsListenerFactory",
			groupId = "${pulsehub.points.projection.group-id:points-projector}")
	void onEvent(ConsumerRecord<String, byte[]> record) throws InvalidProtocolBufferException {
		PointsEvent event = PointsEvent.parseFrom(record.value());
		Instant now = this.clock.instant();
		long result = this.projection.apply(event, now);
		if (result == RedisPointsProjection.APPLIED_AFTER_GAP) {
			logger.warn("Points projection of {} skipped to sequence {}: rebuild it from the ledger", event.getUserId(),
					event.getSequence());
		}
		this.registry.counter("pulsehub.points.projection.events", "outcome", outcome(result)).increment();
		// A replay of the latest event announces it again: the first announcement may be
		// what failed. Consumers of profile-changes are idempotent on the version.
		if (result != RedisPointsProjection.STALE && result != RedisPointsProjection.ERASED) {
			this.changes.pointsChanged(event.getUserId(), event.getSequence(), event.getEventId(), now);
		}
	}

	private static String outcome(long result) {
		if (result == RedisPointsProjection.APPLIED) {
			return "applied";
		}
		if (result == RedisPointsProjection.APPLIED_AFTER_GAP) {
			return "gap";
		}
		if (result == RedisPointsProjection.ERASED) {
			return "erased";
		}
		return (result == RedisPointsProjection.SAME_VERSION) ? "replayed" : "stale";
	}

}
