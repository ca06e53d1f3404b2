package io.pulsehub.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumer group's progress on one topic, seen from outside through the admin API:
 * its committed offsets against the partitions' end offsets (last stable offsets, what a
 * read-committed consumer can reach).
 */
final class ConsumerLag implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(50);

	private final Admin admin;

	private final String group;

	private final List<TopicPartition> partitions;

	ConsumerLag(String bootstrapServers, String group, String topic) throws InterruptedException {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
		this.group = group;
		this.partitions = get(this.admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
			.partitions()
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
	}

	Map<TopicPartition, Long> endOffsets() throws InterruptedException {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		this.partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
		Map<TopicPartition, Long> ends = new HashMap<>();
		get(this.admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
			.forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	/** The group's committed offsets; a partition it never committed counts as 0. */
	Map<TopicPartition, Long> committed() throws InterruptedException {
		Map<TopicPartition, OffsetAndMetadata> offsets = get(
				this.admin.listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata());
		Map<TopicPartition, Long> committed = new HashMap<>();
		for (TopicPartition partition : this.partitions) {
			OffsetAndMetadata offset = offsets.get(partition);
			committed.put(partition, (offset != null) ? offset.offset() : 0L);
		}
		return committed;
	}

	/**
	 * Which partitions of the topic each member of the group holds, by client id (for
	 * Kafka Streams one member per stream thread).
	 */
	Map<String, List<Integer>> assignment() throws InterruptedException {
		ConsumerGroupDescription description = get(
				this.admin.describeConsumerGroups(List.of(this.group)).describedGroups().get(this.group));
		String topic = this.partitions.get(0).topic();
		Map<String, List<Integer>> byMember = new TreeMap<>();
		for (MemberDescription member : description.members()) {
			byMember.put(member.clientId(),
					member.assignment()
						.topicPartitions()
						.stream()
						.filter((partition) -> partition.topic().equals(topic))
						.map(TopicPartition::partition)
						.sorted()
						.toList());
		}
		return byMember;
	}

	/** Records the group has still to process, over all partitions. */
	long lag() throws InterruptedException {
		return between(committed(), endOffsets());
	}

	/**
	 * Waits until the group has committed everything up to {@code targets} (or, when
	 * {@code targets} is {@code null}, up to the end offsets as they are at each poll).
	 * @return the remaining lag in records, 0 when it caught up within the timeout
	 */
	long awaitCaughtUp(Map<TopicPartition, Long> targets, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long lag = between(committed(), (targets != null) ? targets : endOffsets());
			if (lag <= 0 || System.nanoTime() > deadline) {
				return Math.max(0, lag);
			}
			Thread.sleep(POLL);
		}
	}

	/**
	 * Waits until the group has caught up with a topic that transactional producers write
	 * (the stream-processor's exactly-once changes) while the group commits each record's
	 * offset + 1 (Spring Kafka's acknowledgements): the commit marker closing a
	 * transaction takes an offset no acknowledgement passes, so one offset per partition
	 * may remain.
	 * @return the remaining lag beyond that, 0 when it caught up within the timeout
	 */
	long awaitCaughtUpToMarkers(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long beyond = Math.max(0, lag() - this.partitions.size());
			if (beyond == 0 || System.nanoTime() > deadline) {
				return beyond;
			}
			Thread.sleep(POLL);
		}
	}

	/** Records from {@code from} up to {@code to}, summed over the partitions. */
	static long between(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
		long records = 0;
		for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
			records += Math.max(0, end.getValue() - from.getOrDefault(end.getKey(), 0L));
		}
		return records;
	}

	static Duration pollInterval() {
		return POLL;
	}

	private static <T> T get(KafkaFuture<T> future) throws InterruptedException {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka admin call failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
