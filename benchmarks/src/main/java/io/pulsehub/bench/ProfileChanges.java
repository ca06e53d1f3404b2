package io.pulsehub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.Timestamp;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RedisLayout;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Profile changes the way the stream-processor makes them for a page view: the user's
 * {@code rt.*} fields written to the Redis profile hash first (one pipelined {@code HSET}
 * per user), then a {@code REALTIME} {@link ProfileChanged} caused by a {@code PAGE_VIEW}
 * published to {@code profile-changes} (acks=all, idempotent), so the sync-service's
 * {@code engagement} route takes it. Users are drawn round robin from a fixed pool; each
 * change raises its user's {@code rt.version}.
 */
final class ProfileChanges implements AutoCloseable {

	private final String run;

	private final int users;

	private final long[] versions;

	private final AtomicLong next = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> redis;

	private final KafkaProducer<String, ProfileChanged> producer;

	ProfileChanges(BenchSettings settings, String run, int users) {
		this.run = run;
		this.users = users;
		this.versions = new long[users];
		this.client = RedisClient.create(settings.redis());
		this.redis = this.client.connect();
		this.redis.setAutoFlushCommands(false);
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
		this.producer = new KafkaProducer<>(config, Topics.PROFILE_CHANGES.keySerde().serializer(),
				Topics.PROFILE_CHANGES.valueSerde().serializer());
	}

	/**
	 * Makes changes: writes them to Redis, waits for Redis, then hands them to the
	 * producer (not waiting for Kafka's acknowledgement; {@link #flush()} does).
	 * @param count how many
	 */
	void emit(int count) {
		if (count <= 0) {
			return;
		}
		Instant now = Instant.now();
		List<ProfileChanged> changes = new ArrayList<>(count);
		List<RedisFuture<?>> writes = new ArrayList<>(count);
		RedisAsyncCommands<String, String> commands = this.redis.async();
		for (int i = 0; i < count; i++) {
			int index = (int) (this.next.getAndIncrement() % this.users);
			long version = ++this.versions[index];
			String user = this.run + "-u" + index;
			Map<String, String> fields = new HashMap<>();
			fields.put(RealtimeFields.VERSION, Long.toString(version));
			fields.put(RealtimeFields.UPDATED_AT, now.toString());
			fields.put(RealtimeFields.count(EventType.PAGE_VIEW), Long.toString(version));
			fields.put(RealtimeFields.LAST_SEEN, now.toString());
			writes.add(commands.hset(RedisLayout.profileKey(user), fields));
			changes.add(ProfileChanged.newBuilder()
				.setUserId(user)
				.setKind(ChangeKind.REALTIME)
				.addChangedFields(RealtimeFields.count(EventType.PAGE_VIEW))
				.addChangedFields(RealtimeFields.LAST_SEEN)
				.setVersion(version)
				.setChangedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
				.setCauseEventId(user + "-" + version)
				.setCauseEventType(EventType.PAGE_VIEW)
				.build());
		}
		this.redis.flushCommands();
		if (!LettuceFutures.awaitAll(Duration.ofSeconds(10), writes.toArray(new RedisFuture<?>[0]))) {
			throw new IllegalStateException("Redis did not take the profile writes within 10 s");
		}
		for (ProfileChanged change : changes) {
			this.producer.send(new ProducerRecord<>(Topics.PROFILE_CHANGES.name(), change.getUserId(), change),
					(metadata, error) -> {
						if (error != null) {
							this.failed.incrementAndGet();
						}
					});
		}
	}

	/** Waits until Kafka acknowledged every change handed to the producer. */
	void flush() {
		this.producer.flush();
		if (this.failed.get() > 0) {
			throw new IllegalStateException(this.failed.get() + " profile changes were not acknowledged by Kafka");
		}
	}

	/**
	 * Changes made so far.
	 * @return their count
	 */
	long emitted() {
		return this.next.get();
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(10));
		this.redis.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
