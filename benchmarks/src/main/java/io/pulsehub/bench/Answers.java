package io.pulsehub.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The answers of one load phase: which status counts as success, the other answers by
 * status, and, among the successes, how often each value of one response header came back
 * (e.g. which cache level answered). Shared by {@link HttpLoad} and {@link PacedLoad};
 * safe to use from many threads.
 */
final class Answers {

	private final Expect expect;

	private final Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> tally = new ConcurrentHashMap<>();

	/**
	 * What a phase expects.
	 *
	 * @param status the success status
	 * @param header the response header whose values are tallied among successes, or
	 * {@code null}
	 */
	record Expect(int status, String header) {

		/** Events accepted for processing: 202, nothing tallied. */
		static final Expect ACCEPTED = new Expect(202, null);

		/**
		 * 200, tallying one header.
		 * @param header the header to tally, or {@code null}
		 * @return the expectation
		 */
		static Expect ok(String header) {
			return new Expect(200, header);
		}

	}

	Answers(Expect expect) {
		this.expect = expect;
	}

	/**
	 * Sends one request and counts its answer.
	 * @param http the client
	 * @param request the request
	 * @return whether the expected status came back
	 */
	boolean send(HttpClient http, HttpRequest request) {
		int status;
		String value = null;
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (this.expect.header() != null) {
				value = response.headers().firstValue(this.expect.header()).orElse("(none)");
			}
		}
		catch (Exception ex) {
			status = 0;
		}
		if (status != this.expect.status()) {
			this.failures.computeIfAbsent(status, (s) -> new LongAdder()).increment();
			return false;
		}
		if (value != null) {
			this.tally.computeIfAbsent(value, (v) -> new LongAdder()).increment();
		}
		return true;
	}

	/** Other answers, by status (0 = no answer). */
	Map<Integer, Long> failures() {
		return sums(this.failures);
	}

	/** Among the successes, header value → count; empty when no header is tallied. */
	Map<String, Long> tally() {
		return sums(this.tally);
	}

	private static <K> Map<K, Long> sums(Map<K, LongAdder> counts) {
		Map<K, Long> sums = new TreeMap<>();
		counts.forEach((key, count) -> sums.put(key, count.sum()));
		return sums;
	}

}
