package io.pulsehub.stream;

import java.time.Duration;
import java.util.Collection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The topology's own meters ({@code pulsehub_stream_*}); Kafka Streams' process rate,
 * commit latency and record end-to-end latency come from its Micrometer binder as
 * {@code kafka_stream_*}.
 */
public final class StreamMetrics {

	private final MeterRegistry registry;

	private final Counter dedupeHits;

	private final Counter lateEvents;

	private final Timer endToEnd;

	private final DistributionSummary tagsBatch;

	/**
	 * Registers the meters.
	 * @param registry where they live
	 */
	public StreamMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.dedupeHits = Counter.builder("pulsehub.stream.dedupe.hits")
			.description("Events dropped because their event id was seen before")
			.register(registry);
		this.lateEvents = Counter.builder("pulsehub.stream.late.events")
			.description("Events too old for a windowed tag; counted in lifetime totals only")
			.register(registry);
		this.endToEnd = Timer.builder("pulsehub.stream.end.to.end.latency")
			.description("From ingestion accepting an event to its tags written to Redis")
			.publishPercentiles(0.5, 0.99)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(1))
			.register(registry);
		this.tagsBatch = DistributionSummary.builder("pulsehub.stream.tags.batch.users")
			.description("Users whose tags one pipelined Redis batch writes (events of a user coalesce)")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	/** An event id seen before was dropped. */
	public void dedupeHit() {
		this.dedupeHits.increment();
	}

	/** An event was too old to count in a windowed tag. */
	public void lateForWindows() {
		this.lateEvents.increment();
	}

	/**
	 * Registers the dead-letter counter of every known reason at zero, so dashboards and
	 * alerts see the series before the first dead letter.
	 * @param reasons the short, bounded reason codes
	 */
	public void deadLetterReasons(Collection<String> reasons) {
		reasons.forEach(this::deadLetters);
	}

	/**
	 * A record went to the dead-letter topic.
	 * @param reason a short, bounded reason code
	 */
	public void deadLettered(String reason) {
		deadLetters(reason).increment();
	}

	private Counter deadLetters(String reason) {
		return Counter.builder("pulsehub.stream.dead.letters")
			.description("Records sent to the dead-letter topic")
			.tag("reason", reason)
			.register(this.registry);
	}

	/**
	 * An event's tags are in Redis.
	 * @param sinceAccepted time since ingestion accepted it
	 */
	public void endToEnd(Duration sinceAccepted) {
		this.endToEnd.record(sinceAccepted);
	}

	/**
	 * A batch of tag writes goes to Redis.
	 * @param users how many users' writes it holds
	 */
	public void tagsBatch(int users) {
		this.tagsBatch.record(users);
	}

	/**
	 * A Redis write finished.
	 * @param target {@code tags} or {@code trending}
	 * @param outcome {@code success} or {@code failure}
	 * @param took how long it took
	 */
	public void redisWrite(String target, String outcome, Duration took) {
		Timer.builder("pulsehub.stream.redis.write")
			.description("Redis writes of tags and trending items")
			.tag("target", target)
			.tag("outcome", outcome)
			.publishPercentiles(0.5, 0.99)
			.register(this.registry)
			.record(took);
	}

}
