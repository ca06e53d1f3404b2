package io.pulsehub.points.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes every user's {@code pts.*} fields from the ledger events (not the account
 * snapshot), streaming the users; a user the projector has already moved past is left
 * alone.
 */
class ProjectionRebuilder {

	private static final String TOTALS = """
			SELECT user_id, max(sequence) AS version,
			  (array_agg(balance_after ORDER BY sequence DESC))[1] AS balance,
			  coalesce(sum(amount) FILTER (WHERE type = 'EARNED' OR (type = 'REVERSED' AND amount < 0)), 0) AS earned,
			  coalesce(sum(CASE WHEN type = 'SPENT' THEN amount ELSE -amount END)
			    FILTER (WHERE type = 'SPENT' OR (type = 'REVERSED' AND amount > 0)), 0) AS spent
			FROM points_ledger GROUP BY user_id""";

	private final JdbcTemplate jdbc;

	private final RedisPointsProjection projection;

	private final ProfileChangePublisher changes;

	private final Clock clock;

	ProjectionRebuilder(JdbcTemplate jdbc, RedisPointsProjection projection, ProfileChangePublisher changes,
			Clock clock) {
		this.jdbc = jdbc;
		this.projection = projection;
		this.changes = changes;
		this.clock = clock;
	}

	RebuildResult rebuild() {
		AtomicLong users = new AtomicLong();
		AtomicLong written = new AtomicLong();
		Instant started = this.clock.instant();
		this.jdbc.query(TOTALS, (rows) -> {
			LedgerTotals totals = new LedgerTotals(rows.getString("user_id"), rows.getLong("version"),
					rows.getLong("balance"), rows.getLong("earned"), rows.getLong("spent"));
			users.incrementAndGet();
			Instant now = this.clock.instant();
			if (this.projection.replace(totals, now)) {
				written.incrementAndGet();
				this.changes.pointsChanged(totals.userId(), totals.version(), "rebuild-" + started, now);
			}
		});
		return new RebuildResult(users.get(), written.get(), started, this.clock.instant());
	}

}
