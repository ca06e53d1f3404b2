package io.pulsehub.ingestion.archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The archive schema against a real PostgreSQL that is out of reach at start-up and comes
 * back later (each test migrates its own schema).
 */
@LocalStackTest(services = Service.POSTGRES, database = "pulsehub_ingestion")
class ArchiveSchemaIntegrationTests {

	private static final AtomicInteger SCHEMAS = new AtomicInteger();

	private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();

	private final AtomicBoolean reachable = new AtomicBoolean();

	private final String schema = "schema_test_" + System.nanoTime() % 100_000 + "_" + SCHEMAS.incrementAndGet();

	private final JdbcTemplate jdbc = new JdbcTemplate(postgres());

	@AfterEach
	void dropSchema() {
		this.scheduler.close();
		this.jdbc.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
	}

	@Test
	void startsWhilePostgresIsAwayAndMigratesOnceItAnswers() {
		AtomicInteger maintained = new AtomicInteger();
		ArchiveSchema archiveSchema = new ArchiveSchema(this.scheduler, Duration.ofMillis(200),
				maintained::incrementAndGet);
		archiveSchema.migrate(flyway("classpath:db/migration"));
		archiveSchema.start();
		assertThat(archiveSchema.migrated()).isFalse();
		assertThat(tableExists()).isFalse();
		this.reachable.set(true);
		await().atMost(Duration.ofSeconds(30)).until(archiveSchema::migrated);
		assertThat(tableExists()).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> maintained.get() == 1);
		assertThat(archiveSchema.isRunning()).isFalse();
	}

	@Test
	void failsStartUpWhenAMigrationItselfIsBroken() {
		this.reachable.set(true);
		ArchiveSchema archiveSchema = new ArchiveSchema(this.scheduler, Duration.ofMillis(200), () -> {
		});
		assertThatExceptionOfType(FlywayException.class)
			.isThrownBy(() -> archiveSchema.migrate(flyway("classpath:db/broken-migration")));
	}

	private Flyway flyway(String location) {
		DelegatingDataSource switchable = new DelegatingDataSource(postgres()) {

			@Override
			public Connection getConnection() throws SQLException {
				if (!ArchiveSchemaIntegrationTests.this.reachable.get()) {
					throw new SQLTransientConnectionException("Connection is not available, request timed out");
				}
				return super.getConnection();
			}

		};
		return Flyway.configure()
			.dataSource(switchable)
			.schemas(this.schema)
			.locations(location)
			.connectRetries(0)
			.load();
	}

	private boolean tableExists() {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
				this.schema + ".activity_events"));
	}

	private static DriverManagerDataSource postgres() {
		return new DriverManagerDataSource(LocalStack.postgres().jdbcUrl("pulsehub_ingestion"),
				LocalStack.postgres().userFor("pulsehub_ingestion"), LocalStack.postgres().password());
	}

}
