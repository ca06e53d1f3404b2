package io.pulsehub.points.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.google.protobuf.InvalidProtocolBufferException;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.PointsEvent;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.profile.PointsFields;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.points.PointsApi;
import io.pulsehub.points.PointsIntegrationTest;
import io.pulsehub.points.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ledger to Kafka to Redis: the relay publishes what committed, the projector applies
 * each event once, and a relay that died between Kafka's acknowledgement and marking the
 * rows sent costs a duplicate on the topic but no double count.
 */
@PointsIntegrationTest
class OutboxRelayIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry registry;

	private PointsApi api;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void api() {
		this.api = new PointsApi(this.port);
	}

	@Test
	void projectsEventsIntoTheProfileAndAnnouncesTheChange() throws Exception {
		String user = this.run + "-proj";
		this.api.earn(user, this.run + "-e1", "{\"amount\": 70, \"reason\": \"order\"}");
		this.api.spend(user, this.run + "-s1", "{\"amount\": 25, \"reason\": \"gift\"}");
		await().atMost(WITHIN).untilAsserted(() -> assertThat(points(user)).containsEntry(PointsFields.VERSION, "2"));
		assertThat(points(user)).containsEntry(PointsFields.BALANCE, "45")
			.containsEntry(PointsFields.LIFETIME_EARNED, "70")
			.containsEntry(PointsFields.LIFETIME_SPENT, "25")
			.containsKey(PointsFields.UPDATED_AT);
		await().atMost(WITHIN).untilAsserted(() -> assertThat(changes(user)).hasSizeGreaterThanOrEqualTo(2));
		ProfileChanged last = changes(user).getLast();
		assertThat(last.getKind()).isEqualTo(ChangeKind.POINTS);
		assertThat(last.getVersion()).isEqualTo(2);
		assertThat(last.getChangedFieldsList()).contains(PointsFields.BALANCE, PointsFields.VERSION);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM points_outbox WHERE message_key = ? AND sent_at IS NULL", Long.class, user))
			.isZero();
	}

	@Test
	void losesNothingAndCountsNothingTwiceWhenTheRelayDiesBetweenPublishAndMarkingSent() throws Exception {
		String user = this.run + "-crash";
		double staleBefore = staleEvents();
		this.relay.stop();
		try {
			for (int i = 0; i < 3; i++) {
				this.api.earn(user, this.run + "-c" + i, "{\"amount\": 10, \"reason\": \"order\"}");
			}
			this.api.spend(user, this.run + "-c3", "{\"amount\": 5, \"reason\": \"gift\"}");
			assertThat(unsent(user)).isEqualTo(4);
			await().atMost(WITHIN).untilAsserted(() -> assertThat(gauge("backlog")).isGreaterThanOrEqualTo(4));
			assertThat(gauge("oldest.age")).isNotNaN();
			assertThat(points(user)).isEmpty();
			// The relay's first life: Kafka acknowledges the batch, then the process dies
			// before the rows are marked sent.
			OutboxPublisher firstLife = new OutboxPublisher(this.kafka, Duration.ofSeconds(10),
					new OutboxMetrics(this.registry));
			assertThat(firstLife.publish(this.relay.unsent(500))).hasSizeGreaterThanOrEqualTo(4);
			assertThat(unsent(user)).isEqualTo(4);
		}
		finally {
			this.relay.start();
		}
		await().atMost(WITHIN).untilAsserted(() -> assertThat(unsent(user)).isZero());
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(TopicReader.values(Topics.POINTS_EVENTS.name(), user)).hasSize(8));
		List<Long> sequences = TopicReader.values(Topics.POINTS_EVENTS.name(), user)
			.stream()
			.map(OutboxRelayIntegrationTests::sequence)
			.toList();
		assertThat(sequences).containsExactly(1L, 2L, 3L, 4L, 1L, 2L, 3L, 4L);
		await().atMost(WITHIN).untilAsserted(() -> assertThat(points(user)).containsEntry(PointsFields.VERSION, "4"));
		// Give the duplicates time to arrive at the projector, then check nothing moved.
		await().atMost(WITHIN).untilAsserted(() -> assertThat(staleEvents()).isGreaterThanOrEqualTo(staleBefore + 3));
		assertThat(points(user)).containsEntry(PointsFields.BALANCE, "25")
			.containsEntry(PointsFields.LIFETIME_EARNED, "30")
			.containsEntry(PointsFields.LIFETIME_SPENT, "5");
	}

	@Test
	void neverRecreatesThePointsOfAnErasedUser() throws Exception {
		String user = this.run + "-erased";
		double erasedBefore = this.registry.counter("pulsehub.points.projection.events", "outcome", "erased").count();
		this.redis.opsForValue().set(RedisLayout.erasedKey(user), "2026-11-23T10:00:00Z");

		this.api.earn(user, this.run + "-x1", "{\"amount\": 10, \"reason\": \"order\"}");

		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(
					this.registry.counter("pulsehub.points.projection.events", "outcome", "erased").count())
				.isGreaterThan(erasedBefore));
		assertThat(this.redis.hasKey(RedisLayout.profileKey(user))).isFalse();
		assertThat(changes(user)).isEmpty();
	}

	@Test
	void exportsOutboxMetrics() {
		assertThat(this.registry.find("pulsehub.points.outbox.backlog").gauge()).isNotNull();
		assertThat(this.registry.find("pulsehub.points.outbox.oldest.age").gauge()).isNotNull();
		assertThat(this.registry.find("pulsehub.points.outbox.published").counter()).isNotNull();
		assertThat(this.registry.find("pulsehub.points.outbox.publish.failures").counter()).isNotNull();
	}

	private double staleEvents() {
		return this.registry.counter("pulsehub.points.projection.events", "outcome", "stale").count();
	}

	private long unsent(String user) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM points_outbox WHERE message_key = ? AND topic = ? AND sent_at IS NULL",
				Long.class, user, Topics.POINTS_EVENTS.name());
	}

	private double gauge(String name) {
		return this.registry.get(OutboxMetrics.PREFIX + name).gauge().value();
	}

	private Map<String, String> points(String user) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(RedisLayout.profileKey(user));
		return hash.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().toString().startsWith(PointsFields.PREFIX))
			.collect(Collectors.toMap((entry) -> entry.getKey().toString(), (entry) -> entry.getValue().toString()));
	}

	private static List<ProfileChanged> changes(String user) {
		return TopicReader.values(Topics.PROFILE_CHANGES.name(), user)
			.stream()
			.map(OutboxRelayIntegrationTests::profileChanged)
			.toList();
	}

	private static ProfileChanged profileChanged(byte[] value) {
		try {
			return ProfileChanged.parseFrom(value);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long sequence(byte[] value) {
		try {
			return PointsEvent.parseFrom(value).getSequence();
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
