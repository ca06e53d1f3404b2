package io.pulsehub.points.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Announces a points change of a profile on {@code profile-changes} and waits for the
 * acknowledgement, so a failure leaves the triggering event unacknowledged too.
 */
class ProfileChangePublisher {

	private final KafkaTemplate<String, byte[]> kafka;

	private final Duration timeout;

	ProfileChangePublisher(KafkaTemplate<String, byte[]> kafka, Duration timeout) {
		this.kafka = kafka;
		this.timeout = timeout;
	}

	void pointsChanged(String userId, long version, String causeEventId, Instant at) {
		ProfileChanged change = ProfileChanged.newBuilder()
			.setUserId(userId)
			.setKind(ChangeKind.POINTS)
			.addAllChangedFields(RedisPointsProjection.FIELDS)
			.setVersion(version)
			.setChangedAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
			.setCauseEventId(causeEventId)
			.build();
		try {
			this.kafka.send(Topics.PROFILE_CHANGES.name(), userId, change.toByteArray())
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("profile-changes did not acknowledge the change of " + userId, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted publishing the change of " + userId, ex);
		}
	}

}
