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

	/**
	 * The user's earns of the last minute and day and recent spends, in one statement.
	 * @param userId the user
	 * @return the history the rules judge a command against
	 */
	RiskHistory history(String userId) {
		Instant now = this.clock.instant();
		return this.jdbc.queryForObject("""
				SELECT earns.last_minute, earns.last_day, spends.count, spends.average
				FROM (SELECT count(*) FILTER (WHERE occurred_at > ?) AS last_minute,
				             coalesce(sum(amount), 0) AS last_day
				      FROM points_ledger WHERE user_id = ? AND type = 'EARNED' AND occurred_at > ?) earns,
				     (SELECT count(*) AS count, coalesce(avg(amount), 0) AS average FROM (
				        SELECT amount FROM points_ledger WHERE user_id = ? AND type = 'SPENT'
				        ORDER BY sequence DESC LIMIT ?) recent) spends""",
				(rows, i) -> new RiskHistory(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getDouble(4)),
				Timestamp.from(now.minus(Duration.ofMinutes(1))), userId, Timestamp.from(now.minus(Duration.ofDays(1))),
				userId, this.lookback);
	}

}
