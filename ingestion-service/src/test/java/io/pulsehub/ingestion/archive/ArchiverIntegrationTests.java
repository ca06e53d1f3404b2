package io.pulsehub.ingestion.archive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.postgres.LocalPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archiver end to end: events produced to {@code user-activity-events} end up in
 * PostgreSQL exactly once, poison records in the dead-letter topic, and a PostgreSQL
 * outage costs nothing but time.
 */
@ArchiveIntegrationTest
class ArchiverIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private ArchiveProperties properties;

	@Autowired
	private ConcurrentMessageListenerContainer<String, byte[]> archiveListenerContainer;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void archivesEachEventExactlyOnceWithEveryField() {
		Instant now = Instant.now();
		List<UserActivityEvent> events = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			events.add(SampleEvents.event(this.run + "-e" + i, this.run + "-u" + i, now.minus(i, ChronoUnit.DAYS)));
		}
		List<RecordMetadata> sent = events.stream().map(ArchiveKafkaClients::send).toList();
		await().atMost(WITHIN).untilAsserted(() -> assertThat(rows(events)).isEqualTo(3));
		for (int i = 0; i < events.size(); i++) {
			assertArchivedAsSent(events.get(i), sent.get(i));
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity_event_ids WHERE event_id = ANY(?)",
				Long.class, (Object) ids(events)))
			.isEqualTo(3);
	}

	@Test
	void storesAnEventIdOnceHoweverOftenItIsDelivered() throws Exception {
		Map<TopicPartition, Long> before = ArchiveKafkaClients.endOffsets();
		Instant now = Instant.now();
		UserActivityEvent first = SampleEvents.event(this.run + "-dup", this.run + "-u", now);
		// A client resending the same event id, even with another event time (another
		// partition of the table), does not create a second row.
		UserActivityEvent resent = first.toBuilder()
			.setOccurredAt(SampleEvents.timestamp(now.minus(2, ChronoUnit.DAYS)))
			.setPageUrl("https://shop.example/resent")
			.build();
		List<UserActivityEvent> events = new ArrayList<>(List.of(first));
		for (int i = 0; i < 8; i++) {
			events.add(SampleEvents.event(this.run + "-d" + i, this.run + "-u" + i, now));
		}
		events.forEach(ArchiveKafkaClients::send);
		ArchiveKafkaClients.send(resent);
		ArchiveKafkaClients.send(first);
		awaitCaughtUp();
		assertThat(rows(events)).isEqualTo(events.size());
		assertThat(this.jdbc.queryForObject("SELECT page_url FROM activity_events WHERE event_id = ?", String.class,
				first.getEventId()))
			.isEqualTo(first.getPageUrl());

		// Redelivery: the group's offsets go back to before these records, as after a
		// crash between the database commit and the offset commit.
		double duplicates = counter("events.duplicates");
		this.archiveListenerContainer.stop();
		try {
			await().atMost(WITHIN)
				.untilAsserted(() -> ArchiveKafkaClients.resetOffsets(this.properties.groupId(), before));
		}
		finally {
			this.archiveListenerContainer.start();
		}
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(counter("events.duplicates")).isGreaterThanOrEqualTo(duplicates + 11));
		awaitCaughtUp();
		assertThat(rows(events)).isEqualTo(events.size());
	}

	@Test
	void deadLettersPoisonRecordsAndArchivesTheGoodOnesAroundThem() {
		// One key, so one partition and this order.
		String key = this.run + "-poison";
		Instant now = Instant.now();
		List<UserActivityEvent> good = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			good.add(SampleEvents.event(this.run + "-g" + i, key, now));
		}
		byte[] garbage = { 0x07, (byte) 0xff, 0x00, 0x13 };
		UserActivityEvent blankUser = SampleEvents.event(this.run + "-blank", "", now);
		UserActivityEvent nulCharacter = SampleEvents.event(this.run + "-nul", key, now)
			.toBuilder()
			.setPageUrl("https://shop.example/\u0000")
			.build();
		ArchiveKafkaClients.send(key, good.get(0));
		RecordMetadata undecodable = ArchiveKafkaClients.send(key, garbage);
		ArchiveKafkaClients.send(key, good.get(1));
		RecordMetadata invalid = ArchiveKafkaClients.send(key, blankUser);
		ArchiveKafkaClients.send(key, good.get(2));
		RecordMetadata rejected = ArchiveKafkaClients.send(key, nulCharacter);
		ArchiveKafkaClients.send(key, good.get(3));

		await().atMost(WITHIN).untilAsserted(() -> {
			assertThat(rows(good)).isEqualTo(good.size());
			assertThat(ArchiveKafkaClients.deadLetters(key)).hasSize(3);
		});
		List<ConsumerRecord<String, byte[]>> deadLetters = ArchiveKafkaClients.deadLetters(key);
		assertDeadLetter(deadLetters.get(0), undecodable, garbage, "undecodable");
		assertDeadLetter(deadLetters.get(1), invalid, blankUser.toByteArray(), "invalid");
		assertDeadLetter(deadLetters.get(2), rejected, nulCharacter.toByteArray(), "rejected");
		assertThat(rows(List.of(blankUser, nulCharacter))).isZero();
		for (String reason : List.of("undecodable", "invalid", "rejected")) {
			assertThat(this.registry.get(ArchiveMetrics.PREFIX + "events.dlt").tag("reason", reason).counter().count())
				.isPositive();
		}
	}

	@Test
	void waitsOutAPostgresOutageAndThenArchivesEverything() throws Exception {
		String key = this.run + "-outage";
		List<UserActivityEvent> events = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			events.add(SampleEvents.event(this.run + "-o" + i, key, Instant.now()));
		}
		LocalPostgres postgres = LocalStack.postgres();
		postgres.stop();
		try {
			events.forEach((event) -> ArchiveKafkaClients.send(key, event));
			await().atMost(WITHIN)
				.untilAsserted(() -> assertThat(gauge("lag.records")).isGreaterThanOrEqualTo(events.size()));
			await().atMost(WITHIN)
				.untilAsserted(() -> assertThat(this.registry.get(ArchiveMetrics.PREFIX + "batch.write")
					.tag("outcome", "unavailable")
					.timer()
					.count()).isGreaterThanOrEqualTo(3));
			// Between attempts the consumer is paused (it keeps polling and stays in the
			// group) rather than its thread sleeping.
			await().atMost(WITHIN)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> this.archiveListenerContainer.getContainers()
					.stream()
					.anyMatch((consumer) -> consumer.isPauseRequested()));
			assertThat(this.archiveListenerContainer.isRunning()).isTrue();
			assertThat(this.archiveListenerContainer.isChildRunning()).isTrue();
			assertThat(ArchiveKafkaClients.deadLetters(key)).isEmpty();
		}
		finally {
			postgres.start();
		}
		// The pool reconnects on its own; until then the test's own queries fail too.
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(rows(events)).isEqualTo(events.size()));
		awaitCaughtUp();
		assertThat(ArchiveKafkaClients.deadLetters(key)).isEmpty();
		await().atMost(WITHIN).untilAsserted(() -> assertThat(gauge("lag.seconds")).isZero());
	}

	@Test
	void exportsPoolKafkaClientAndArchiveMetrics() {
		await().atMost(WITHIN).untilAsserted(() -> {
			assertThat(this.registry.get("hikaricp.connections.max").tag("pool", "ingestion-archive").gauge().value())
				.isEqualTo(4);
			assertThat(this.registry.get("kafka.consumer.fetch.manager.records.lag.max").gauges())
				.anySatisfy((gauge) -> assertThat(gauge.getId().getTag("client.id")).startsWith("cold-archiver"));
			assertThat(gauge("lag.records")).isNotNaN();
		});
		assertThat(this.registry.find(ArchiveMetrics.PREFIX + "lag.seconds").gauge()).isNotNull();
		assertThat(this.registry.find(ArchiveMetrics.PREFIX + "events.archived").counter()).isNotNull();
		assertThat(this.registry.find(ArchiveMetrics.PREFIX + "events.duplicates").counter()).isNotNull();
	}

	private void assertArchivedAsSent(UserActivityEvent event, RecordMetadata sent) {
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT *, properties = ?::jsonb AS same_properties, "
						+ "archived_at <= now() AS archived FROM activity_events WHERE event_id = ?",
				EventDecoder.json(event.getPropertiesMap()), event.getEventId());
		assertThat(row).containsEntry("user_id", event.getUserId())
			.containsEntry("event_type", "PURCHASE")
			.containsEntry("session_id", event.getSessionId())
			.containsEntry("item_id", event.getItemId())
			.containsEntry("page_url", event.getPageUrl())
			.containsEntry("user_agent", event.getUserAgent())
			.containsEntry("ip", event.getIp())
			.containsEntry("amount_minor", event.getAmountMinor())
			.containsEntry("currency", event.getCurrency())
			.containsEntry("same_properties", true)
			.containsEntry("archived", true)
			.containsEntry("kafka_partition", sent.partition())
			.containsEntry("kafka_offset", sent.offset());
		assertThat(((Timestamp) row.get("occurred_at")).toInstant())
			.isEqualTo(EventDecoder.instant(event.getOccurredAt()));
		assertThat(((Timestamp) row.get("received_at")).toInstant())
			.isEqualTo(EventDecoder.instant(event.getReceivedAt()));
	}

	private static void assertDeadLetter(ConsumerRecord<String, byte[]> deadLetter, RecordMetadata original,
			byte[] value, String reason) {
		assertThat(deadLetter.value()).isEqualTo(value);
		assertThat(deadLetter.partition()).isEqualTo(original.partition());
		assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
		assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
			.isEqualTo(PoisonRecordException.class.getName());
		assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("@" + original.offset());
		assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.USER_ACTIVITY_EVENTS.name());
		assertThat(ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt())
			.isEqualTo(original.partition());
		assertThat(ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong())
			.isEqualTo(original.offset());
		assertThat(text(deadLetter, DeadLetterPublisher.REASON_HEADER)).isEqualTo(reason);
	}

	private static String text(ConsumerRecord<String, byte[]> record, String header) {
		return new String(header(record, header), StandardCharsets.UTF_8);
	}

	private static byte[] header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return header.value();
	}

	private void awaitCaughtUp() {
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(ArchiveKafkaClients.uncommitted(this.properties.groupId())).isZero());
	}

	private long rows(List<UserActivityEvent> events) {
		Long rows = this.jdbc.queryForObject("SELECT count(*) FROM activity_events WHERE event_id = ANY(?)", Long.class,
				(Object) ids(events));
		return (rows != null) ? rows : 0;
	}

	private static String[] ids(List<UserActivityEvent> events) {
		return events.stream().map(UserActivityEvent::getEventId).toArray(String[]::new);
	}

	private double gauge(String name) {
		return this.registry.get(ArchiveMetrics.PREFIX + name).gauge().value();
	}

	private double counter(String name) {
		return this.registry.get(ArchiveMetrics.PREFIX + name).counter().count();
	}

}
