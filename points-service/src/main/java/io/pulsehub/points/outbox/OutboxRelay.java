package io.pulsehub.points.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays committed outbox rows to Kafka in id order and marks them sent only after Kafka
 * acknowledged them: a crash between the two publishes them again on restart
 * (at-least-once; the consumers are idempotent). One instance relays at a time, under a
 * PostgreSQL advisory lock.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	// Arbitrary, fixed: identifies "the points outbox relay" among advisory locks.
	private static final long RELAY_LOCK = 0x706f696e7473L;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final OutboxPublisher publisher;

	private final OutboxProperties properties;

	private final Clock clock;

	private final ReentrantLock relaying = new ReentrantLock();

	private ScheduledExecutorService executor;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, OutboxPublisher publisher,
			OutboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Relays one batch of unsent rows.
	 * @return the rows marked sent
	 */
	public int relayOnce() {
		this.relaying.lock();
		try {
			Integer sent = this.transactions.execute((status) -> {
				if (!Boolean.TRUE.equals(
						this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK))) {
					return 0;
				}
				List<OutboxMessage> batch = unsent(this.properties.batchSize());
				List<Long> acknowledged = batch.isEmpty() ? List.of() : this.publisher.publish(batch);
				markSent(acknowledged);
				return acknowledged.size();
			});
			return (sent != null) ? sent : 0;
		}
		finally {
			this.relaying.unlock();
		}
	}

	List<OutboxMessage> unsent(int limit) {
		return this.jdbc.query(
				"SELECT id, topic, message_key, payload FROM points_outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?",
				(rows, i) -> new OutboxMessage(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBytes(4)),
				limit);
	}

	private void markSent(List<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.update("UPDATE points_outbox SET sent_at = ? WHERE id = ANY(?)",
					Timestamp.from(this.clock.instant()), ids.toArray(Long[]::new));
		}
	}

	private void loop() {
		try {
			int sent;
			do {
				sent = relayOnce();
			}
			while (sent == this.properties.batchSize() && isRunning());
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox relay failed, retrying in {}: {}", this.properties.pollInterval(), ex.getMessage());
		}
	}

	/**
	 * Starts with the context unless {@code pulsehub.points.outbox.relay-enabled} is
	 * false.
	 */
	@Override
	public boolean isAutoStartup() {
		return this.properties.relayEnabled();
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").factory());
		long poll = this.properties.pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::loop, 0, poll, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops relaying after the batch in flight, if any, is done.
	 */
	@Override
	public synchronized void stop() {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdown();
		try {
			this.executor.awaitTermination(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
