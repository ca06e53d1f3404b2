package io.pulsehub.ingestion.archive;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Exports how far the archive is behind the topic, read from Kafka every
 * {@code lag-refresh-interval}:
 * <ul>
 * <li>{@code pulsehub.ingestion.archive.lag.records}: the group's committed offsets to
 * the log end, summed over partitions (a partition without a commit counts from its
 * start). Committed offsets are exactly what is archived, so this keeps growing while the
 * consumer is paused for an outage, unlike the client's own {@code records-lag}.</li>
 * <li>{@code pulsehub.ingestion.archive.lag.seconds}: 0 when nothing is pending,
 * otherwise the age of the newest record this instance archived (at start-up: the time
 * since start).</li>
 * </ul>
 * Both read {@code NaN} while Kafka cannot be asked.
 */
class ArchiveLagMonitor implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ArchiveLagMonitor.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Map<String, Object> adminProperties;

	private final String groupId;

	private final Duration interval;

	private final TaskScheduler scheduler;

	private final ArchiveMetrics metrics;

	private final Clock clock;

	private volatile double lagRecords = Double.NaN;

	private volatile Admin admin;

	private final PeriodicTask schedule = new PeriodicTask();

	ArchiveLagMonitor(Map<String, Object> adminProperties, ArchiveProperties properties, TaskScheduler scheduler,
			ArchiveMetrics metrics, MeterRegistry registry, Clock clock) {
		this.adminProperties = new HashMap<>(adminProperties);
		this.adminProperties.put(AdminClientConfig.CLIENT_ID_CONFIG, properties.groupId() + "-lag");
		this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.groupId = properties.groupId();
		this.interval = properties.lagRefreshInterval();
		this.scheduler = scheduler;
		this.metrics = metrics;
		this.clock = clock;
		Gauge.builder(ArchiveMetrics.PREFIX + "lag.records", this, (monitor) -> monitor.lagRecords)
			.description("Records of user-activity-events not yet archived (committed) by the group")
			.register(registry);
		Gauge.builder(ArchiveMetrics.PREFIX + "lag.seconds", this, ArchiveLagMonitor::lagSeconds)
			.description("How far the archive is behind in time; 0 when nothing is pending")
			.baseUnit("seconds")
			.register(registry);
	}

	@Override
	public void start() {
		this.admin = Admin.create(this.adminProperties);
		this.schedule.start(() -> this.scheduler.scheduleWithFixedDelay(this::refresh, this.interval));
	}

	@Override
	public void stop() {
		this.schedule.cancel();
		Admin client = this.admin;
		if (client != null) {
			client.close(Duration.ofSeconds(1));
		}
		this.admin = null;
	}

	@Override
	public boolean isRunning() {
		return this.schedule.running();
	}

	double lagSeconds() {
		double records = this.lagRecords;
		if (Double.isNaN(records) || records <= 0) {
			return records;
		}
		return Math.max(0, this.clock.millis() - this.metrics.newestArchivedTimestamp()) / 1000.0;
	}

	double lagRecords() {
		return this.lagRecords;
	}

	void refresh() {
		Admin client = this.admin;
		if (client == null) {
			return;
		}
		try {
			this.lagRecords = pending(client);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			this.lagRecords = Double.NaN;
			logger.debug("Archive lag unknown: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private long pending(Admin client) throws ExecutionException, TimeoutException, InterruptedException {
		String topic = Topics.USER_ACTIVITY_EVENTS.name();
		TopicDescription description = get(client.describeTopics(List.of(topic)).allTopicNames()).get(topic);
		List<TopicPartition> partitions = description.partitions()
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		Map<TopicPartition, OffsetAndMetadata> committed = get(
				client.listConsumerGroupOffsets(this.groupId).partitionsToOffsetAndMetadata());
		Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(client, partitions, OffsetSpec.latest());
		Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(client, partitions, OffsetSpec.earliest());
		long pending = 0;
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata commit = committed.get(partition);
			long position = (commit != null) ? commit.offset() : starts.get(partition).offset();
			pending += Math.max(0, ends.get(partition).offset() - position);
		}
		return pending;
	}

	private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin client, List<TopicPartition> partitions,
			OffsetSpec spec) throws ExecutionException, TimeoutException, InterruptedException {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		return get(client.listOffsets(request).all());
	}

	private static <T> T get(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
		return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

}
