package io.pulsehub.ingestion.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.localstack.junit.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plain Kafka clients for the archive tests: produce raw records (so a test can also send
 * bytes that are no event), read the dead-letter topic, and move the archiver's committed
 * offsets.
 */
final class ArchiveKafkaClients {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private ArchiveKafkaClients() {
	}

	static RecordMetadata send(UserActivityEvent event) {
		Topic<String, UserActivityEvent> topic = Topics.USER_ACTIVITY_EVENTS;
		return send(event.getUserId(), topic.valueSerde().serializer().serialize(topic.name(), event));
	}

	static RecordMetadata send(String key, UserActivityEvent event) {
		Topic<String, UserActivityEvent> topic = Topics.USER_ACTIVITY_EVENTS;
		return send(key, topic.valueSerde().serializer().serialize(topic.name(), event));
	}

	static RecordMetadata send(String key, byte[] value) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config,
				Topics.USER_ACTIVITY_EVENTS.keySerde().serializer(), new ByteArraySerializer())) {
			return producer.send(new ProducerRecord<>(Topics.USER_ACTIVITY_EVENTS.name(), key, value))
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not produce the test record", ex);
		}
	}

	/**
	 * Publishes a profile change as profile-service does (key: the user id).
	 */
	static void send(ProfileChanged change) {
		Topic<String, ProfileChanged> topic = Topics.PROFILE_CHANGES;
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, ProfileChanged> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
				topic.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(topic.name(), change.getUserId(), change))
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not produce the test change", ex);
		}
	}

	/**
	 * Every record of the dead-letter topic with the given key.
	 */
	static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
		Topic<String, byte[]> dlt = Topics.USER_ACTIVITY_EVENTS_DLT;
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, dlt.keySerde().deserializer(),
				dlt.valueSerde().deserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(dlt.name(), TIMEOUT)
				.stream()
				.map((info) -> new TopicPartition(dlt.name(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (partitions.stream().anyMatch((tp) -> consumer.position(tp, TIMEOUT) < ends.get(tp))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
			}
			return found;
		}
	}

	/**
	 * Sets a stopped group's committed offsets, as an operator resetting it would.
	 */
	static void resetOffsets(String groupId, Map<TopicPartition, Long> offsets) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
		offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.alterConsumerGroupOffsets(groupId, commits).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * How many records of the activity topic the group has not committed yet.
	 */
	static long uncommitted(String groupId) throws Exception {
		Map<TopicPartition, Long> ends = endOffsets();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			long pending = 0;
			for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
				OffsetAndMetadata commit = committed.get(end.getKey());
				pending += end.getValue() - ((commit != null) ? commit.offset() : 0);
			}
			return pending;
		}
	}

	/**
	 * The log-end offsets of the activity topic.
	 */
	static Map<TopicPartition, Long> endOffsets() throws Exception {
		String topic = Topics.USER_ACTIVITY_EVENTS.name();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> request = new HashMap<>();
			admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.get(topic)
				.partitions()
				.forEach((info) -> request.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(request)
				.all()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.forEach((partition, info) -> ends.put(partition, info.offset()));
			return ends;
		}
	}

	private static String bootstrapServers() {
		return LocalStack.kafka().bootstrapServers();
	}

}
