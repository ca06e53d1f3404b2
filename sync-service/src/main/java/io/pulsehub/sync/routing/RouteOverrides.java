package io.pulsehub.sync.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.SyncRouteOverridden;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import org.springframework.context.SmartLifecycle;

/**
 * The run-time route overrides, shared by every instance through the compacted
 * {@code sync-route-overrides} topic: each instance reads it from the beginning with no
 * consumer group (so it sees every override, and a restart sees them again) before its
 * change consumer starts, then follows it. A switch is written to the topic, acknowledged
 * by the broker, and applied here at once; the others apply it when they read it
 * (milliseconds later).
 */
public class RouteOverrides implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RouteOverrides.class);

	private static final Topic<String, SyncRouteOverridden> TOPIC = Topics.SYNC_ROUTE_OVERRIDES;

	private final Map<String, SyncRouteOverridden> current = new ConcurrentHashMap<>();

	private final KafkaConsumer<String, SyncRouteOverridden> consumer;

	private final Producer<String, SyncRouteOverridden> producer;

	private final Duration startTimeout;

	private volatile boolean running;

	private Thread follower;

	public RouteOverrides(KafkaConsumer<String, SyncRouteOverridden> consumer,
			Producer<String, SyncRouteOverridden> producer, Duration startTimeout) {
		this.consumer = consumer;
		this.producer = producer;
		this.startTimeout = startTimeout;
	}

	/**
	 * The override of a route.
	 * @param routeId the route
	 * @return the override, null when the route follows its configuration
	 */
	SyncRouteOverridden get(String routeId) {
		return this.current.get(routeId);
	}

	/**
	 * Publishes an override (or its removal, {@code override} null) to every instance.
	 * @param routeId the route
	 * @param override the override, null to go back to the configured strategy
	 * @throws IllegalStateException when Kafka did not take it in time
	 */
	void publish(String routeId, SyncRouteOverridden override) {
		try {
			this.producer.send(new ProducerRecord<>(TOPIC.name(), routeId, override)).get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not take the route override: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the route override", ex);
		}
		apply(routeId, override);
	}

	private void apply(String routeId, SyncRouteOverridden override) {
		if (override == null) {
			this.current.remove(routeId);
		}
		else {
			this.current.put(routeId, override);
		}
	}

	@Override
	public void start() {
		List<TopicPartition> partitions = this.consumer.partitionsFor(TOPIC.name(), this.startTimeout)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = this.consumer.endOffsets(partitions, this.startTimeout);
		long deadline = System.nanoTime() + this.startTimeout.toNanos();
		while (!caughtUp(end) && System.nanoTime() < deadline) {
			poll();
		}
		logger.info("Route overrides in force: " + this.current.keySet());
		this.running = true;
		this.follower = Thread.ofPlatform().daemon().name("sync-route-overrides").start(this::follow);
	}

	private boolean caughtUp(Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((entry) -> this.consumer.position(entry.getKey()) >= entry.getValue());
	}

	private void poll() {
		for (ConsumerRecord<String, SyncRouteOverridden> record : this.consumer.poll(Duration.ofMillis(100))) {
			apply(record.key(), record.value());
		}
	}

	private void follow() {
		try {
			while (this.running) {
				poll();
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			logger.error("Stopped following route overrides: " + ex.getMessage(), ex);
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
		}
	}

	@Override
	public void stop() {
		Thread following = this.follower;
		this.running = false;
		this.follower = null;
		if (following != null) {
			this.consumer.wakeup();
			try {
				following.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.producer.close(Duration.ofSeconds(2));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the change consumer (Spring Kafka's containers start late)
		return 0;
	}

}
