package io.pulsehub.profile.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Announces the profile-service's own writes on {@code profile-changes}, keyed by user,
 * and waits (boundedly) for the broker's acknowledgement, so a write the caller sees
 * acknowledged is one the sync and every cache will hear of.
 */
public class ProfileChangePublisher {

	private final DefaultKafkaProducerFactory<String, ProfileChanged> producers;

	private final KafkaTemplate<String, ProfileChanged> template;

	private final Topic<String, ProfileChanged> topic;

	private final Duration timeout;

	ProfileChangePublisher(DefaultKafkaProducerFactory<String, ProfileChanged> producers,
			Topic<String, ProfileChanged> topic, Duration timeout) {
		this.producers = producers;
		this.template = new KafkaTemplate<>(producers);
		this.topic = topic;
		this.timeout = timeout;
	}

	/**
	 * Publishes one change and waits for the acknowledgement.
	 * @param userId the user
	 * @param kind what changed
	 * @param fields the fields written
	 * @param version the namespace's version after the change
	 * @param changedAt when
	 * @throws StoreUnavailableException when Kafka did not acknowledge in time
	 */
	public void publish(String userId, ChangeKind kind, Collection<String> fields, long version, Instant changedAt) {
		ProfileChanged change = ProfileChanged.newBuilder()
			.setUserId(userId)
			.setKind(kind)
			.addAllChangedFields(fields)
			.setVersion(version)
			.setChangedAt(
					Timestamp.newBuilder().setSeconds(changedAt.getEpochSecond()).setNanos(changedAt.getNano()).build())
			.build();
		try {
			this.template.send(this.topic.name(), userId, change).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new StoreUnavailableException("kafka", (ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (TimeoutException | RuntimeException ex) {
			throw new StoreUnavailableException("kafka", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException("kafka", ex);
		}
	}

	/** Closes the producer, flushing what it still holds. */
	void close() {
		this.producers.destroy();
	}

}
