package io.pulsehub.sync.strategy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * The sync's meters, per strategy: changes routed, changes degraded away from it,
 * sections written / stale, flushes, batch sizes, how long a sync write takes (Redis read
 * and MongoDB write), failures, backlog and lag (Redis change to MongoDB write, p50/p99).
 */
public final class SyncMetrics {

	private final MeterRegistry registry;

	private final Map<StrategyName, Counter> routed = new EnumMap<>(StrategyName.class);

	private final Map<StrategyName, Counter> degraded = new EnumMap<>(StrategyName.class);

	private final Map<StrategyName, Counter> written = new EnumMap<>(StrategyName.class);

	private final Map<StrategyName, Counter> stale = new EnumMap<>(StrategyName.class);

	private final Map<StrategyName, Counter> flushes = new EnumMap<>(StrategyName.class);

	private final Map<StrategyName, Counter> failures = new EnumMap<>(StrategyName.class);

	private final Map<StrategyName, DistributionSummary> batches = new EnumMap<>(StrategyName.class);

	private final Map<StrategyName, Timer> lag = new EnumMap<>(StrategyName.class);

	private final Map<StrategyName, Timer> writes = new EnumMap<>(StrategyName.class);

	private final AtomicLong dirtyBacklog = new AtomicLong();

	private final Counter deletes;

	private final Counter unreadable;

	public SyncMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (StrategyName strategy : StrategyName.values()) {
			String tag = strategy.name();
			this.routed.put(strategy, counter("pulsehub.sync.routed", "Changes routed to the strategy", tag));
			this.degraded.put(strategy,
					counter("pulsehub.sync.degraded", "Changes moved from the strategy to SCHEDULED", tag));
			this.written.put(strategy,
					Counter.builder("pulsehub.sync.sections")
						.description("Profile sections written to MongoDB")
						.tags("strategy", tag, "outcome", "written")
						.register(registry));
			this.stale.put(strategy,
					Counter.builder("pulsehub.sync.sections")
						.description("Profile sections written to MongoDB")
						.tags("strategy", tag, "outcome", "stale")
						.register(registry));
			this.flushes.put(strategy, counter("pulsehub.sync.flushes", "Batches written to MongoDB", tag));
			this.failures.put(strategy, counter("pulsehub.sync.failures", "Writes MongoDB refused or missed", tag));
			this.batches.put(strategy,
					DistributionSummary.builder("pulsehub.sync.batch.users")
						.description("Users per MongoDB write")
						.tag("strategy", tag)
						.register(registry));
			this.lag.put(strategy,
					Timer.builder("pulsehub.sync.lag")
						.description("From the Redis change (ProfileChanged.changed_at) to its MongoDB write")
						.tag("strategy", tag)
						.publishPercentiles(0.5, 0.99)
						.publishPercentileHistogram()
						.register(registry));
			this.writes.put(strategy,
					Timer.builder("pulsehub.sync.write.duration")
						.description("One sync write: the users' Redis read and the guarded MongoDB bulk write")
						.tag("strategy", tag)
						.publishPercentileHistogram()
						.register(registry));
		}
		this.deletes = Counter.builder("pulsehub.sync.deletes")
			.description("Documents deleted for DELETED changes")
			.register(registry);
		this.unreadable = Counter.builder("pulsehub.sync.unreadable")
			.description("profile-changes records that are not a ProfileChanged, skipped")
			.register(registry);
		Gauge.builder("pulsehub.sync.backlog", this.dirtyBacklog, AtomicLong::get)
			.description("Changes waiting: buffered users (WRITE_BEHIND) or dirty users (SCHEDULED)")
			.tag("strategy", StrategyName.SCHEDULED.name())
			.register(registry);
	}

	/**
	 * Publishes the write-behind buffer's size as its backlog.
	 * @param <T> the buffer type
	 * @param buffer the buffer
	 * @param size reads its size
	 */
	public <T> void bufferBacklog(T buffer, ToDoubleFunction<T> size) {
		Gauge.builder("pulsehub.sync.backlog", buffer, size)
			.description("Changes waiting: buffered users (WRITE_BEHIND) or dirty users (SCHEDULED)")
			.tag("strategy", StrategyName.WRITE_BEHIND.name())
			.register(this.registry);
	}

	private Counter counter(String name, String description, String strategy) {
		return Counter.builder(name).description(description).tag("strategy", strategy).register(this.registry);
	}

	public void routed(StrategyName strategy) {
		this.routed.get(strategy).increment();
	}

	public void degraded(StrategyName from) {
		this.degraded.get(from).increment();
	}

	public void failed(StrategyName strategy) {
		this.failures.get(strategy).increment();
	}

	public void deleted() {
		this.deletes.increment();
	}

	public void unreadable() {
		this.unreadable.increment();
	}

	void dirtyBacklog(long size) {
		this.dirtyBacklog.set(size);
	}

	void flushed(StrategyName strategy, int users, int written, int stale, Duration took) {
		this.writes.get(strategy).record(took);
		this.flushes.get(strategy).increment();
		this.batches.get(strategy).record(users);
		this.written.get(strategy).increment(written);
		this.stale.get(strategy).increment(stale);
	}

	void lag(StrategyName strategy, Duration lag) {
		this.lag.get(strategy).record(lag.isNegative() ? Duration.ZERO : lag);
	}

	/**
	 * One strategy's numbers so far, for the stats endpoint.
	 * @param strategy the strategy
	 * @param backlog its current backlog
	 * @return the numbers
	 */
	public StrategyStats stats(StrategyName strategy, long backlog) {
		Timer timer = this.lag.get(strategy);
		double p50 = 0;
		double p99 = 0;
		for (ValueAtPercentile percentile : timer.takeSnapshot().percentileValues()) {
			if (percentile.percentile() == 0.5) {
				p50 = percentile.value(TimeUnit.MILLISECONDS);
			}
			else if (percentile.percentile() == 0.99) {
				p99 = percentile.value(TimeUnit.MILLISECONDS);
			}
		}
		DistributionSummary batch = this.batches.get(strategy);
		return new StrategyStats(strategy, count(this.routed, strategy), count(this.degraded, strategy),
				count(this.written, strategy), count(this.stale, strategy), count(this.flushes, strategy), batch.mean(),
				batch.max(), count(this.failures, strategy), backlog, timer.count(), p50, p99);
	}

	private static long count(Map<StrategyName, Counter> counters, StrategyName strategy) {
		return (long) counters.get(strategy).count();
	}

}
