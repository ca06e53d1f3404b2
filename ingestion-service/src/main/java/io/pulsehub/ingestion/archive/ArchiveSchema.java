package io.pulsehub.ingestion.archive;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Migrates the archive's schema without making PostgreSQL a condition of start-up: the
 * collection API needs only Kafka, so an ingestion-service started while PostgreSQL is
 * away takes events at once and migrates in the background, retrying until PostgreSQL
 * answers. The archiver meanwhile waits with its records unconsumed (its writes fail as
 * "unavailable" and are retried), so nothing is lost.
 * <p>
 * A migration that fails for any other reason (a broken script) still fails start-up.
 */
class ArchiveSchema implements FlywayMigrationStrategy, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ArchiveSchema.class);

	private final TaskScheduler scheduler;

	private final Duration retryInterval;

	private final Runnable afterMigration;

	private volatile Flyway flyway;

	private volatile boolean migrated;

	private final PeriodicTask retries = new PeriodicTask();

	ArchiveSchema(TaskScheduler scheduler, Duration retryInterval, Runnable afterMigration) {
		this.scheduler = scheduler;
		this.retryInterval = retryInterval;
		this.afterMigration = afterMigration;
	}

	/** Boot's Flyway initializer calls this at start-up instead of migrating itself. */
	@Override
	public void migrate(Flyway flyway) {
		this.flyway = flyway;
		tryMigrate();
	}

	boolean migrated() {
		return this.migrated;
	}

	@Override
	public void start() {
		if (!this.migrated && this.flyway != null) {
			this.retries.start(() -> this.scheduler.scheduleWithFixedDelay(this::retry, this.retryInterval));
		}
	}

	@Override
	public void stop() {
		this.retries.cancel();
	}

	@Override
	public boolean isRunning() {
		return this.retries.running();
	}

	private void retry() {
		if (tryMigrate()) {
			stop();
			this.afterMigration.run();
		}
	}

	private synchronized boolean tryMigrate() {
		if (this.migrated) {
			return true;
		}
		try {
			this.flyway.migrate();
			this.migrated = true;
			return true;
		}
		catch (FlywayException ex) {
			if (!DatabaseErrors.isConnectionFailure(ex)) {
				throw ex;
			}
			logger.warn(
					"PostgreSQL is out of reach; events are taken and wait in Kafka, the archive schema is "
							+ "migrated once it answers (next attempt in {}): {}",
					this.retryInterval, DatabaseErrors.describe(ex));
			return false;
		}
	}

}
