package io.pulsehub.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.localstack.junit.LocalStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes {@code ProfileChanged} records to the local-stack broker as a profile writer
 * would.
 */
final class Changes implements AutoCloseable {

	private final KafkaProducer<String, ProfileChanged> producer;

	Changes() {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers());
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		this.producer = new KafkaProducer<>(config, Topics.PROFILE_CHANGES.keySerde().serializer(),
				Topics.PROFILE_CHANGES.valueSerde().serializer());
	}

	void publish(String userId, ChangeKind kind, EventType cause, long version, List<String> fields) {
		Instant now = Instant.now();
		ProfileChanged.Builder change = ProfileChanged.newBuilder()
			.setUserId(userId)
			.setKind(kind)
			.setVersion(version)
			.addAllChangedFields(fields)
			.setChangedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
		if (cause != null) {
			change.setCauseEventType(cause);
		}
		this.producer.send(new ProducerRecord<>(Topics.PROFILE_CHANGES.name(), userId, change.build()));
	}

	void flush() {
		this.producer.flush();
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
