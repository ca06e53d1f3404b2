package io.pulsehub.stream;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.localstack.junit.LocalStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends activity events to local-stack's Kafka as ingestion does: keyed by user id.
 */
final class ActivityProducer implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers(),
					ProducerConfig.ACKS_CONFIG, "all"),
			new StringSerializer(), new ByteArraySerializer());

	static UserActivityEvent.Builder event(String userId, EventType type) {
		Instant now = Instant.now();
		Timestamp at = Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
		return UserActivityEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setUserId(userId)
			.setType(type)
			.setOccurredAt(at)
			.setReceivedAt(at);
	}

	void send(UserActivityEvent event) {
		sendRaw(event.getUserId(), event.toByteArray());
	}

	void sendRaw(String key, byte[] value) {
		try {
			this.producer.send(new ProducerRecord<>(Topics.USER_ACTIVITY_EVENTS.name(), key, value)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
