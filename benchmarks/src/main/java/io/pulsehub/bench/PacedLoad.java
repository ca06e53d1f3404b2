package io.pulsehub.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Open-loop HTTP load at a constant rate: requests leave on a fixed schedule whether or
 * not earlier ones have answered, each from its own virtual thread, so a slow server
 * meets a growing queue instead of a client that politely waits. Latency counts from each
 * request's scheduled departure.
 */
final class PacedLoad {

	/** More requests than this waiting for answers means the server has fallen behind. */
	private static final int MAX_IN_FLIGHT = 512;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/**
	 * One paced phase.
	 *
	 * @param targetEventsPerSecond the rate asked for
	 * @param requests requests answered as expected (by default 202)
	 * @param events events they carried
	 * @param seconds the schedule's length
	 * @param skipped departures dropped because {@value #MAX_IN_FLIGHT} requests were
	 * still unanswered
	 * @param latencies scheduled departure → expected answer, of those requests
	 * @param failures other answers, by status (0 = no answer)
	 * @param tally among the expected answers, the tallied header's value → count
	 */
	record Result(double targetEventsPerSecond, long requests, long events, double seconds, long skipped,
			Latencies latencies, Map<Integer, Long> failures, Map<String, Long> tally) {

		double eventsPerSecond() {
			return this.events / this.seconds;
		}

	}

	Result run(double eventsPerSecond, int eventsPerRequest, Duration duration, Supplier<HttpRequest> requests)
			throws InterruptedException {
		return run(eventsPerSecond, eventsPerRequest, duration, requests, Answers.Expect.ACCEPTED);
	}

	Result run(double eventsPerSecond, int eventsPerRequest, Duration duration, Supplier<HttpRequest> requests,
			Answers.Expect expect) throws InterruptedException {
		long interval = Math.max(1, Math.round(1e9 * eventsPerRequest / eventsPerSecond));
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		Latencies latencies = new Latencies();
		LongAdder accepted = new LongAdder();
		Answers answers = new Answers(expect);
		long skipped = 0;
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		for (long due = start; due < end; due += interval) {
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			if (!inFlight.tryAcquire()) {
				skipped++;
				continue;
			}
			long departure = due;
			Thread.ofVirtual().start(() -> {
				try {
					if (answers.send(this.http, requests.get())) {
						latencies.add(System.nanoTime() - departure);
						accepted.increment();
					}
				}
				finally {
					inFlight.release();
				}
			});
		}
		if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("paced requests still unanswered 60 s after the phase");
		}
		return new Result(eventsPerSecond, accepted.sum(), accepted.sum() * eventsPerRequest, (end - start) / 1e9,
				skipped, latencies, answers.failures(), answers.tally());
	}

}
