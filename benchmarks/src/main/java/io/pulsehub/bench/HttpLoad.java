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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP load: each client sends its next request when the previous answered,
 * for a fixed time; latencies of the accepted (202) requests are kept.
 */
final class HttpLoad {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/**
	 * One measured phase.
	 *
	 * @param requests count of accepted requests
	 * @param events events they carried
	 * @param seconds the phase's length
	 * @param latencies the accepted requests' latencies
	 * @param failures other answers, by status (0 = no answer)
	 */
	record Result(long requests, long events, double seconds, Latencies latencies, Map<Integer, Long> failures) {

		double requestsPerSecond() {
			return this.requests / this.seconds;
		}

		double eventsPerSecond() {
			return this.events / this.seconds;
		}

	}

	Result run(int clients, Duration duration, Supplier<HttpRequest> requests, int eventsPerRequest)
			throws InterruptedException {
		Latencies all = new Latencies();
		LongAdder accepted = new LongAdder();
		Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			threads.add(Thread.ofVirtual().start(() -> {
				Latencies mine = new Latencies();
				while (System.nanoTime() < end) {
					HttpRequest request = requests.get();
					long sent = System.nanoTime();
					int status = send(request);
					if (status == 202) {
						mine.add(System.nanoTime() - sent);
						accepted.increment();
					}
					else {
						failures.computeIfAbsent(status, (s) -> new LongAdder()).increment();
					}
				}
				all.addAll(mine);
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<Integer, Long> failed = new TreeMap<>();
		failures.forEach((status, count) -> failed.put(status, count.sum()));
		return new Result(accepted.sum(), accepted.sum() * eventsPerRequest, seconds, all, failed);
	}

	private int send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return 0;
		}
	}

}
