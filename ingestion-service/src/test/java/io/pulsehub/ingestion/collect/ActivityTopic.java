package io.pulsehub.ingestion.collect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.localstack.junit.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@code user-activity-events} from the local-stack broker: what a request put on
 * the topic, from a marked position on.
 */
final class ActivityTopic implements AutoCloseable {

	private final KafkaConsumer<String, UserActivityEvent> consumer;

	private final List<TopicPartition> partitions;

	private Map<TopicPartition, Long> mark = Map.of();

	ActivityTopic() {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumer = new KafkaConsumer<>(config, Topics.USER_ACTIVITY_EVENTS.keySerde().deserializer(),
				Topics.USER_ACTIVITY_EVENTS.valueSerde().deserializer());
		this.partitions = this.consumer.partitionsFor(Topics.USER_ACTIVITY_EVENTS.name())
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
	}

	/** Remembers the end of every partition. */
	void mark() {
		this.mark = this.consumer.endOffsets(this.partitions);
	}

	/** How many records were appended since {@link #mark()}. */
	long appendedSinceMark() {
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.partitions);
		return end.entrySet().stream().mapToLong((e) -> e.getValue() - this.mark.getOrDefault(e.getKey(), 0L)).sum();
	}

	/** Every record appended since {@link #mark()}. */
	List<ConsumerRecord<String, UserActivityEvent>> sinceMark() {
		this.mark.forEach(this.consumer::seek);
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.partitions);
		List<ConsumerRecord<String, UserActivityEvent>> records = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!reached(end) && System.nanoTime() < deadline) {
			this.consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}

	private boolean reached(Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> this.consumer.position(e.getKey()) >= e.getValue());
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
