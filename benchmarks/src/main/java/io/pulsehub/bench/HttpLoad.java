package io.pulsehub.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Closed-loop HTTP load: each client sends its next request when the previous answered,
 * for a fixed time or until the requests run out (the supplier answers null); latencies
 * of the requests answered as expected (by default 202) are kept.
 */
final class HttpLoad {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/**
	 * One measured phase.
	 *
	 * @param requests count of requests answered as expected
	 * @param events events they carried
	 * @param seconds the phase's length
	 * @param latencies their latencies
	 * @param failures other answers, by status (0 = no answer)
	 * @param tally among the expected answers, the tallied header's value → count
	 */
	record Result(long requests, long events, double seconds, Latencies latencies, Map<Integer, Long> failures,
			Map<String, Long> tally) {

		double requestsPerSecond() {
			return this.requests / this.seconds;
		}

		double eventsPerSecond() {
			return this.events / this.seconds;
		}

	}

	Result run(int clients, Duration duration, Supplier<HttpRequest> requests, int eventsPerRequest)
			throws InterruptedException {
		return run(clients, duration, requests, eventsPerRequest, Answers.Expect.ACCEPTED);
	}

	Result run(int clients, Duration duration, Supplier<HttpRequest> requests, int eventsPerRequest,
			Answers.Expect expect) throws InterruptedException {
		Latencies all = new Latencies();
		LongAdder accepted = new LongAdder();
		Answers answers = new Answers(expect);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			threads.add(Thread.ofVirtual().start(() -> {
				Latencies mine = new Latencies();
				while (System.nanoTime() < end) {
					HttpRequest request = requests.get();
					if (request == null) {
						// a supplier of a fixed set of requests ran dry: this client is
						// done
						break;
					}
					long sent = System.nanoTime();
					if (answers.send(this.http, request)) {
						mine.add(System.nanoTime() - sent);
						accepted.increment();
					}
				}
				all.addAll(mine);
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(accepted.sum(), accepted.sum() * eventsPerRequest, seconds, all, answers.failures(),
				answers.tally());
	}

}
