package io.pulsehub.ingestion.archive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily partitions of {@code activity_events}: at start-up (before the archiver
 * consumes) and then every {@code maintenance-interval} it creates the partitions the
 * {@link PartitionPlan} wants, drops the expired ones and deletes expired event ids and
 * stray rows of the default partition.
 * <p>
 * Every change runs in its own transaction under one advisory lock, so several instances
 * never race, and with a lock timeout, so a long query never queues the archiver's
 * inserts behind a waiting DDL statement. A failed run is logged and retried on the next
 * run; meanwhile the default partition takes every row.
 */
class PartitionMaintainer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PartitionMaintainer.class);

	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('activity_events partitions'))";

	private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'";

	private static final String EXISTING = """
			SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
			WHERE i.inhparent = 'activity_events'::regclass
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TaskScheduler scheduler;

	private final ArchiveProperties.Partitions settings;

	private final Clock clock;

	private final PeriodicTask schedule = new PeriodicTask();

	PartitionMaintainer(JdbcTemplate jdbc, TransactionTemplate transactions, TaskScheduler scheduler,
			ArchiveProperties.Partitions settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void start() {
		maintainLogged();
		this.schedule.start(() -> this.scheduler.scheduleWithFixedDelay(this::maintainLogged,
				this.clock.instant().plus(this.settings.maintenanceInterval()), this.settings.maintenanceInterval()));
	}

	@Override
	public void stop() {
		this.schedule.cancel();
	}

	@Override
	public boolean isRunning() {
		return this.schedule.running();
	}

	@Override
	public int getPhase() {
		// Before the archiver's container, so today's partitions exist when it writes.
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
	}

	/**
	 * One maintenance run for a given day.
	 * @param today the current UTC day
	 * @return what the run changed
	 */
	Result maintain(LocalDate today) {
		PartitionPlan plan = new PartitionPlan(today, this.settings);
		List<DailyPartition> created = plan.missing(existing());
		created.forEach(this::create);
		List<DailyPartition> dropped = plan.expired(existing());
		dropped.forEach(this::drop);
		int purged = purge(plan.cutoff());
		return new Result(created, dropped, purged);
	}

	/**
	 * The daily partitions that exist.
	 * @return the partitions, oldest first
	 */
	List<DailyPartition> existing() {
		return this.jdbc.queryForList(EXISTING, String.class)
			.stream()
			.map(DailyPartition::parse)
			.flatMap(Optional::stream)
			.sorted()
			.toList();
	}

	/** Runs one maintenance now (e.g. right after the schema was migrated late). */
	void maintainNow() {
		maintainLogged();
	}

	private void maintainLogged() {
		try {
			Result result = maintain(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
			if (!result.created().isEmpty() || !result.dropped().isEmpty()) {
				logger.info("Partitions of activity_events: created {}, dropped {}, purged {} expired ids",
						result.created().size(), result.dropped().size(), result.purged());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Partition maintenance failed, next attempt in {}: {}", this.settings.maintenanceInterval(),
					DatabaseErrors.describe(ex));
		}
	}

	/**
	 * Creates one partition; rows that the default partition took for its range meanwhile
	 * move into it (PostgreSQL refuses to attach a range the default partition has rows
	 * of).
	 */
	private void create(DailyPartition partition) {
		String table = partition.tableName();
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute(LOCK);
			this.jdbc.execute(LOCK_TIMEOUT);
			if (Boolean.TRUE
				.equals(this.jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table))) {
				return;
			}
			this.jdbc
				.execute("CREATE TABLE " + table + " (LIKE activity_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
			this.jdbc.update(
					"WITH moved AS (DELETE FROM activity_events_default WHERE occurred_at >= ? "
							+ "AND occurred_at < ? RETURNING *) INSERT INTO " + table + " SELECT * FROM moved",
					timestamp(partition.from()), timestamp(partition.to()));
			this.jdbc.execute("ALTER TABLE activity_events ATTACH PARTITION " + table + " FOR VALUES FROM ('"
					+ partition.from() + "') TO ('" + partition.to() + "')");
		});
	}

	private void drop(DailyPartition partition) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute(LOCK);
			this.jdbc.execute(LOCK_TIMEOUT);
			this.jdbc.execute("DROP TABLE IF EXISTS " + partition.tableName());
		});
	}

	private int purge(Instant cutoff) {
		Integer purged = this.transactions.execute((status) -> {
			this.jdbc.execute(LOCK);
			this.jdbc.update("DELETE FROM activity_events_default WHERE occurred_at < ?", timestamp(cutoff));
			return this.jdbc.update("DELETE FROM activity_event_ids WHERE occurred_at < ?", timestamp(cutoff));
		});
		return (purged != null) ? purged : 0;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		// PgJDBC binds OffsetDateTime as timestamptz, independent of the JVM's time zone.
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * What one maintenance run changed.
	 *
	 * @param created the partitions created
	 * @param dropped the partitions dropped
	 * @param purged the expired event ids deleted
	 */
	record Result(List<DailyPartition> created, List<DailyPartition> dropped, int purged) {

	}

}
