package io.pulsehub.ingestion.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A profile erased by profile-service ({@code ProfileChanged} DELETED) is erased from the
 * archive too: the user's rows are deleted, and their events that arrive afterwards
 * (late, in flight, replayed) are never stored; other users and other change kinds are
 * untouched.
 */
@ArchiveIntegrationTest
class ArchiveErasureIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry registry;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void deletesAnErasedUsersRowsAndNeverStoresTheirLaterEvents() {
		String erased = this.run + "-erased";
		String kept = this.run + "-kept";
		Instant now = Instant.now();
		ArchiveKafkaClients.send(SampleEvents.event(this.run + "-e1", erased, now));
		ArchiveKafkaClients.send(SampleEvents.event(this.run + "-e2", erased, now.minusSeconds(86_400)));
		ArchiveKafkaClients.send(SampleEvents.event(this.run + "-k1", kept, now));
		await().atMost(WITHIN).untilAsserted(() -> {
			assertThat(rowsOf(erased)).isEqualTo(2);
			assertThat(rowsOf(kept)).isEqualTo(1);
		});
		double erasuresBefore = erasures();
		// another kind of change for the erased user does nothing
		ArchiveKafkaClients.send(change(erased, ChangeKind.REALTIME));
		ArchiveKafkaClients.send(change(erased, ChangeKind.DELETED));
		await().atMost(WITHIN).untilAsserted(() -> assertThat(rowsOf(erased)).isZero());
		assertThat(rowsOf(kept)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT rows_deleted FROM archive_erasures WHERE user_id = ?", Long.class,
				erased))
			.isEqualTo(2);
		await().atMost(WITHIN).untilAsserted(() -> assertThat(erasures()).isEqualTo(erasuresBefore + 1));
		// an event of the erased user arriving later is dropped; the other user's event
		// after it shows the archiver got past it
		ArchiveKafkaClients.send(SampleEvents.event(this.run + "-e3", erased, now));
		ArchiveKafkaClients.send(SampleEvents.event(this.run + "-k2", kept, now));
		await().atMost(WITHIN).untilAsserted(() -> assertThat(rowsOf(kept)).isEqualTo(2));
		assertThat(rowsOf(erased)).isZero();
	}

	@Test
	void erasingTwiceIsHarmless() {
		String user = this.run + "-twice";
		ArchiveKafkaClients.send(SampleEvents.event(this.run + "-t1", user, Instant.now()));
		await().atMost(WITHIN).untilAsserted(() -> assertThat(rowsOf(user)).isEqualTo(1));
		double erasuresBefore = erasures();
		ArchiveKafkaClients.send(change(user, ChangeKind.DELETED));
		ArchiveKafkaClients.send(change(user, ChangeKind.DELETED));
		await().atMost(WITHIN).untilAsserted(() -> assertThat(erasures()).isEqualTo(erasuresBefore + 2));
		assertThat(rowsOf(user)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT rows_deleted FROM archive_erasures WHERE user_id = ?", Long.class,
				user))
			.isEqualTo(1);
	}

	private long rowsOf(String userId) {
		Long rows = this.jdbc.queryForObject("SELECT count(*) FROM activity_events WHERE user_id = ?", Long.class,
				userId);
		return (rows != null) ? rows : 0;
	}

	private double erasures() {
		Counter counter = this.registry.find(ArchiveMetrics.PREFIX + "erasures").tag("outcome", "erased").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static ProfileChanged change(String userId, ChangeKind kind) {
		return ProfileChanged.newBuilder().setUserId(userId).setKind(kind).build();
	}

}
