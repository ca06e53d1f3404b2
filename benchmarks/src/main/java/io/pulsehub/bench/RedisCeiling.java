package io.pulsehub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RedisLayout;

/**
 * The raw Redis read ceiling for profiles: closed-loop {@code HGETALL profile:{id}} of
 * random seeded users from as many clients as the HTTP phases, over one shared Lettuce
 * connection (which pipelines the concurrent commands, as profile-service's own client
 * does).
 */
final class RedisCeiling {

	private final String redisUrl;

	RedisCeiling(String redisUrl) {
		this.redisUrl = redisUrl;
	}

	/**
	 * One ceiling phase.
	 *
	 * @param reads {@code HGETALL}s answered
	 * @param seconds the phase's length
	 * @param latencies their latencies
	 * @param empty reads that found no hash
	 * @param withRealtime reads whose hash held real-time tags ({@code rt.version})
	 * @param fields fields per hash, averaged over the non-empty reads
	 */
	record Result(long reads, double seconds, Latencies latencies, long empty, long withRealtime, double fields) {

		double readsPerSecond() {
			return this.reads / this.seconds;
		}

	}

	Result run(int clients, Duration duration, List<String> users) throws InterruptedException {
		RedisClient client = RedisClient.create(this.redisUrl);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			Latencies all = new Latencies();
			LongAdder reads = new LongAdder();
			LongAdder empty = new LongAdder();
			LongAdder realtime = new LongAdder();
			LongAdder fields = new LongAdder();
			long start = System.nanoTime();
			long end = start + duration.toNanos();
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				threads.add(Thread.ofVirtual().start(() -> {
					Latencies mine = new Latencies();
					while (System.nanoTime() < end) {
						String user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
						long sent = System.nanoTime();
						Map<String, String> hash = redis.hgetall(RedisLayout.profileKey(user));
						mine.add(System.nanoTime() - sent);
						reads.increment();
						fields.add(hash.size());
						if (hash.isEmpty()) {
							empty.increment();
						}
						if (hash.containsKey(RealtimeFields.VERSION)) {
							realtime.increment();
						}
					}
					all.addAll(mine);
				}));
			}
			for (Thread thread : threads) {
				thread.join();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long found = reads.sum() - empty.sum();
			return new Result(reads.sum(), seconds, all, empty.sum(), realtime.sum(),
					(found > 0) ? (double) fields.sum() / found : 0);
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
