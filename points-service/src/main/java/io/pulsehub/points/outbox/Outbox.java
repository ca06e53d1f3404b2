package io.pulsehub.points.outbox;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds messages to the transactional outbox: they commit or roll back with the caller's
 * transaction and reach Kafka afterwards through the {@link OutboxRelay}.
 */
public class Outbox {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Outbox(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues one message; must run inside the transaction that writes the facts it
	 * announces.
	 * @param topic the Kafka topic
	 * @param key the record key (the user id)
	 * @param payload the serialized value
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(String topic, String key, byte[] payload) {
		this.jdbc.update("INSERT INTO points_outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)",
				topic, key, payload, Timestamp.from(this.clock.instant()));
	}

}
