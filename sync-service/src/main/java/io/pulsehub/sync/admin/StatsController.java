package io.pulsehub.sync.admin;

import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.pulsehub.sync.strategy.DirtyUsers;
import io.pulsehub.sync.strategy.StrategyName;
import io.pulsehub.sync.strategy.StrategyStats;
import io.pulsehub.sync.strategy.SyncMetrics;
import io.pulsehub.sync.strategy.WriteBehindBuffer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/sync/stats}.
 */
@RestController
@Tag(name = "Sync admin", description = "Operate the Redis-to-MongoDB sync (admin only)")
class StatsController {

	private final SyncMetrics metrics;

	private final WriteBehindBuffer buffer;

	private final DirtyUsers dirty;

	private final CircuitBreaker mongo;

	StatsController(SyncMetrics metrics, WriteBehindBuffer buffer, DirtyUsers dirty, CircuitBreaker mongo) {
		this.metrics = metrics;
		this.buffer = buffer;
		this.dirty = dirty;
		this.mongo = mongo;
	}

	@Operation(summary = "Per-strategy sync statistics of this instance",
			description = "Changes routed and degraded, sections written and stale, flushes, batch sizes, failures, "
					+ "backlog (write-behind buffer of this instance; dirty set shared by all, -1 while Redis is "
					+ "unreachable) and lag from the Redis change to its MongoDB write (p50/p99, ms).")
	@GetMapping(path = "/admin/sync/stats", produces = MediaType.APPLICATION_JSON_VALUE)
	SyncStats stats() {
		long dirtyUsers;
		try {
			dirtyUsers = this.dirty.size();
		}
		catch (DataAccessException ex) {
			dirtyUsers = -1;
		}
		List<StrategyStats> strategies = new ArrayList<>();
		for (StrategyName strategy : StrategyName.values()) {
			long backlog = switch (strategy) {
				case WRITE_BEHIND -> this.buffer.size();
				case SCHEDULED -> dirtyUsers;
				default -> 0;
			};
			strategies.add(this.metrics.stats(strategy, backlog));
		}
		return new SyncStats(this.mongo.getState().name(), strategies);
	}

	/**
	 * The statistics.
	 *
	 * @param mongoCircuit the MongoDB circuit breaker's state (not CLOSED: write-through
	 * and write-behind changes degrade to SCHEDULED)
	 * @param strategies per strategy
	 */
	@Schema(description = "Sync statistics of this instance")
	record SyncStats(@Schema(example = "CLOSED") String mongoCircuit, List<StrategyStats> strategies) {

	}

}
