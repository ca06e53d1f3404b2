package io.pulsehub.points.outbox;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the outbox backlog (unsent rows and the oldest one's age) and deletes sent
 * rows past their retention. It runs on its own schedule, apart from the relay, so a
 * stopped or stuck relay shows as a growing backlog.
 */
class OutboxMonitor {

	private static final Logger logger = LoggerFactory.getLogger(OutboxMonitor.class);

	private final JdbcTemplate jdbc;

	private final OutboxMetrics metrics;

	private final OutboxProperties properties;

	private final Clock clock;

	OutboxMonitor(JdbcTemplate jdbc, OutboxMetrics metrics, OutboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	void run() {
		try {
			this.jdbc.query("SELECT count(*), min(created_at) FROM points_outbox WHERE sent_at IS NULL", (rows) -> {
				Timestamp oldest = rows.getTimestamp(2);
				long age = (oldest != null) ? Math.max(0, this.clock.millis() - oldest.getTime()) : 0;
				this.metrics.backlog(rows.getLong(1), age);
			});
			this.jdbc.update("DELETE FROM points_outbox WHERE sent_at < ?",
					Timestamp.from(this.clock.instant().minus(this.properties.retention())));
		}
		catch (RuntimeException ex) {
			logger.debug("Outbox monitoring failed: {}", ex.getMessage());
		}
	}

}
