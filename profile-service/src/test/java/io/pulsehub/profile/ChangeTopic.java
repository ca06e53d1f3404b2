package io.pulsehub.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Timestamp;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.localstack.junit.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code profile-changes} on the local-stack broker: publishes changes as another writer
 * would, and reads what was appended since a mark.
 */
public final class ChangeTopic implements AutoCloseable {

	private final KafkaConsumer<String, ProfileChanged> consumer;

	private final KafkaProducer<String, ProfileChanged> producer;

	private final List<TopicPartition> partitions;

	public ChangeTopic() {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(config, Topics.PROFILE_CHANGES.keySerde().deserializer(),
				Topics.PROFILE_CHANGES.valueSerde().deserializer());
		this.partitions = this.consumer.partitionsFor(Topics.PROFILE_CHANGES.name())
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToEnd(this.partitions);
		this.partitions.forEach(this.consumer::position);
		Map<String, Object> producerConfig = new HashMap<>();
		producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers());
		this.producer = new KafkaProducer<>(producerConfig, Topics.PROFILE_CHANGES.keySerde().serializer(),
				Topics.PROFILE_CHANGES.valueSerde().serializer());
	}

	/**
	 * The changes of one user appended since this topic view was opened, waiting up to 10
	 * s for at least {@code expected} of them.
	 */
	public List<ProfileChanged> changesOf(String userId, int expected) {
		return changesOf(Set.of(userId), expected);
	}

	/**
	 * The changes of any of these users appended since this topic view was opened, in
	 * topic order per partition, waiting up to 10 s for at least {@code expected} of
	 * them.
	 */
	public List<ProfileChanged> changesOf(Set<String> userIds, int expected) {
		List<ProfileChanged> changes = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (changes.size() < expected && System.nanoTime() < deadline) {
			this.consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
				if (userIds.contains(record.key())) {
					changes.add(record.value());
				}
			});
		}
		return changes;
	}

	/**
	 * Publishes a change as another writer of the profile would, and waits for the ack.
	 */
	public void publish(String userId, ChangeKind kind, long version, Instant changedAt) throws Exception {
		ProfileChanged change = ProfileChanged.newBuilder()
			.setUserId(userId)
			.setKind(kind)
			.setVersion(version)
			.setChangedAt(Timestamp.newBuilder().setSeconds(changedAt.getEpochSecond()).build())
			.build();
		this.producer.send(new ProducerRecord<>(Topics.PROFILE_CHANGES.name(), userId, change)).get();
	}

	@Override
	public void close() {
		this.consumer.close();
		this.producer.close();
	}

}
