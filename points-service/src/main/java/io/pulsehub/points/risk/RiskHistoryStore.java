package io.pulsehub.points.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a user's recent ledger on the primary, inside the command's transaction.
 */
class RiskHistoryStore {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int lookback;

	RiskHistoryStore(JdbcTemplate jdbc, Clock clock, int lookback) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lookback = lookback;
	}

	RiskHistory history(String userId) {
		Instant now = this.clock.instant();
		RiskHistory earns = this.jdbc.queryForObject("""
				SELECT count(*) FILTER (WHERE occurred_at > ?), coalesce(sum(amount), 0)
				FROM points_ledger WHERE user_id = ? AND type = 'EARNED' AND occurred_at > ?""",
				(rows, i) -> new RiskHistory(rows.getLong(1), rows.getLong(2), 0, 0),
				Timestamp.from(now.minus(Duration.ofMinutes(1))), userId,
				Timestamp.from(now.minus(Duration.ofDays(1))));
		return this.jdbc.queryForObject("""
				SELECT count(*), coalesce(avg(amount), 0) FROM (
				  SELECT amount FROM points_ledger WHERE user_id = ? AND type = 'SPENT'
				  ORDER BY sequence DESC LIMIT ?) recent""", (rows, i) -> new RiskHistory(earns.earnsLastMinute(),
				earns.earnedLastDay(), rows.getLong(1), rows.getDouble(2)), userId, this.lookback);
	}

}
