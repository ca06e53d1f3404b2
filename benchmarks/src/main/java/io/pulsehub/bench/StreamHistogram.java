package io.pulsehub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stream-processor's own end-to-end latency (ingestion's {@code received_at} → tags
 * written to Redis), scraped from its open Prometheus endpoint as cumulative histogram
 * buckets, so two scrapes give the distribution of exactly the events in between. (Its
 * {@code quantile} series are not there: with a percentile histogram, Micrometer's
 * Prometheus registry publishes only the buckets; they would span minutes anyway.)
 */
final class StreamHistogram {

	private static final String METRIC = "pulsehub_stream_end_to_end_latency_seconds";

	private final Pattern bucket;

	private final String series;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI uri;

	StreamHistogram(String streamProcessor) {
		this(streamProcessor, METRIC, "");
	}

	/**
	 * Any service's timer histogram, e.g. the sync-service's
	 * {@code pulsehub_sync_lag_seconds} of one strategy.
	 * @param service the service's base URL
	 * @param metric the metric's Prometheus name, without {@code _bucket}
	 * @param series a label the counted series carry, e.g.
	 * {@code strategy="WRITE_BEHIND"}; empty for every series
	 */
	StreamHistogram(String service, String metric, String series) {
		this.uri = URI.create(service + "/actuator/prometheus");
		this.bucket = Pattern.compile("^" + metric + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*}\\s+(\\S+)");
		this.series = series;
	}

	/**
	 * One scrape.
	 *
	 * @param buckets upper bound in seconds → events at or below it since start
	 */
	record Snapshot(TreeMap<Double, Double> buckets) {

		boolean isEmpty() {
			return this.buckets.isEmpty();
		}

		/** The events between two scrapes; empty when either scrape failed. */
		Snapshot since(Snapshot earlier) {
			if (earlier.isEmpty()) {
				return new Snapshot(new TreeMap<>());
			}
			TreeMap<Double, Double> delta = new TreeMap<>();
			this.buckets.forEach((le, count) -> delta.put(le, count - earlier.buckets.getOrDefault(le, 0.0)));
			return new Snapshot(delta);
		}

		double count() {
			return this.buckets.isEmpty() ? 0 : this.buckets.lastEntry().getValue();
		}

		/** The q-quantile in milliseconds, interpolated within its bucket. */
		double quantileMillis(double q) {
			double rank = q * count();
			double lower = 0;
			double below = 0;
			for (Map.Entry<Double, Double> bucket : this.buckets.entrySet()) {
				if (bucket.getValue() >= rank && bucket.getValue() > below) {
					if (bucket.getKey().isInfinite()) {
						return lower * 1000;
					}
					double fraction = (rank - below) / (bucket.getValue() - below);
					return (lower + (bucket.getKey() - lower) * fraction) * 1000;
				}
				lower = bucket.getKey();
				below = bucket.getValue();
			}
			return Double.NaN;
		}

	}

	/** Scrapes once; an empty snapshot when the endpoint does not answer. */
	Snapshot scrape() throws InterruptedException {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "text/plain")
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return new Snapshot(buckets);
			}
			for (String line : response.body().split("\n")) {
				Matcher bucket = this.bucket.matcher(line);
				if (bucket.find() && line.contains(this.series)) {
					buckets.merge(parse(bucket.group(1)), parse(bucket.group(2)), Double::sum);
				}
			}
		}
		catch (IOException ex) {
			buckets.clear();
		}
		return new Snapshot(buckets);
	}

	private static double parse(String value) {
		return switch (value) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(value);
		};
	}

}
