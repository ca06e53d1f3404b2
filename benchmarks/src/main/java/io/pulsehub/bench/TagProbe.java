package io.pulsehub.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RedisLayout;

/**
 * Event accepted → tag visible: at a fixed interval posts one event for a user nobody has
 * seen before, notes when its 202 arrives, and has a watcher read that user's
 * {@code rt.version} from Redis in a tight loop (one pipelined {@code HGET} per probe
 * still pending, then a 1 ms pause) until it exists.
 */
final class TagProbe implements AutoCloseable {

	/**
	 * How long a probe may stay invisible after the last one was sent before it is lost.
	 */
	private static final Duration SETTLE = Duration.ofSeconds(30);

	private static final long POLL_PAUSE_NANOS = Duration.ofMillis(1).toNanos();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> redis;

	private final Function<String, HttpRequest> eventFor;

	/**
	 * Connects to Redis.
	 * @param redisUrl where the stream-processor writes tags
	 * @param eventFor the request that posts one event for a given user id
	 */
	TagProbe(String redisUrl, Function<String, HttpRequest> eventFor) {
		this.client = RedisClient.create(redisUrl);
		this.redis = this.client.connect();
		this.redis.setAutoFlushCommands(false);
		this.eventFor = eventFor;
	}

	/**
	 * The probes of one phase.
	 *
	 * @param probes probes sent
	 * @param visible 202 → {@code rt.version} read back, of the probes that became
	 * visible
	 * @param accepted request sent → 202, of the accepted probes
	 * @param early probes whose tag was visible before their 202 arrived (counted as 0)
	 * @param lost accepted probes never visible within {@link #SETTLE}
	 * @param failures probes not accepted, by status (0 = no answer)
	 * @param pollPeriods time between the starts of two successive Redis polls
	 */
	record Result(int probes, Latencies visible, Latencies accepted, long early, long lost, Map<Integer, Long> failures,
			Latencies pollPeriods) {
	}

	private static final class Probe {

		private final String userId;

		private final String key;

		private volatile long sent;

		private volatile long accepted;

		private volatile long visible;

		private volatile int status;

		Probe(String userId) {
			this.userId = userId;
			this.key = RedisLayout.profileKey(userId);
		}

	}

	static Duration settle() {
		return SETTLE;
	}

	Result run(String runId, Duration duration, Duration interval) throws InterruptedException {
		Map<String, Probe> pending = new ConcurrentHashMap<>();
		List<Probe> all = new ArrayList<>();
		List<Thread> senders = new ArrayList<>();
		AtomicBoolean sending = new AtomicBoolean(true);
		Latencies pollPeriods = new Latencies();
		Thread watcher = Thread.ofPlatform().name("tag-watcher").start(() -> watch(pending, sending, pollPeriods));
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		int n = 0;
		for (long due = start; due < end; due += interval.toNanos()) {
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			Probe probe = new Probe("tagprobe-" + runId + "-" + n++);
			all.add(probe);
			pending.put(probe.key, probe);
			senders.add(Thread.ofVirtual().start(() -> send(probe, pending)));
		}
		for (Thread sender : senders) {
			sender.join();
		}
		sending.set(false);
		watcher.join();
		return result(all, pollPeriods);
	}

	private void send(Probe probe, Map<String, Probe> pending) {
		HttpRequest request = this.eventFor.apply(probe.userId);
		probe.sent = System.nanoTime();
		int status;
		try {
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			status = 0;
		}
		if (status == 202) {
			probe.accepted = System.nanoTime();
		}
		else {
			probe.status = status;
			pending.remove(probe.key);
		}
	}

	private void watch(Map<String, Probe> pending, AtomicBoolean sending, Latencies pollPeriods) {
		RedisAsyncCommands<String, String> commands = this.redis.async();
		long deadline = Long.MAX_VALUE;
		long previous = System.nanoTime();
		while (true) {
			long now = System.nanoTime();
			pollPeriods.add(now - previous);
			previous = now;
			if (!sending.get()) {
				deadline = (deadline == Long.MAX_VALUE) ? now + SETTLE.toNanos() : deadline;
				if (pending.isEmpty() || now > deadline) {
					return;
				}
			}
			List<Probe> watching = List.copyOf(pending.values());
			if (!watching.isEmpty()) {
				List<RedisFuture<String>> versions = new ArrayList<>(watching.size());
				for (Probe probe : watching) {
					versions.add(commands.hget(probe.key, RealtimeFields.VERSION));
				}
				this.redis.flushCommands();
				LettuceFutures.awaitAll(Duration.ofSeconds(5), versions.toArray(new RedisFuture<?>[0]));
				// The tag appeared at some point before this answer: the latency is
				// overstated by at most one poll period, never understated.
				long answered = System.nanoTime();
				for (int i = 0; i < watching.size(); i++) {
					if (version(versions.get(i)) != null) {
						watching.get(i).visible = answered;
						pending.remove(watching.get(i).key);
					}
				}
			}
			LockSupport.parkNanos(POLL_PAUSE_NANOS);
		}
	}

	private static String version(RedisFuture<String> answer) {
		try {
			return answer.isDone() ? answer.get() : null;
		}
		catch (ExecutionException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static Result result(List<Probe> all, Latencies pollPeriods) {
		Latencies visible = new Latencies();
		Latencies accepted = new Latencies();
		Map<Integer, Long> failures = new TreeMap<>();
		long early = 0;
		long lost = 0;
		for (Probe probe : all) {
			if (probe.accepted == 0) {
				failures.merge(probe.status, 1L, Long::sum);
				continue;
			}
			accepted.add(probe.accepted - probe.sent);
			if (probe.visible == 0) {
				lost++;
				continue;
			}
			long latency = probe.visible - probe.accepted;
			if (latency < 0) {
				early++;
				latency = 0;
			}
			visible.add(latency);
		}
		return new Result(all.size(), visible, accepted, early, lost, failures, pollPeriods);
	}

	@Override
	public void close() {
		this.redis.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
