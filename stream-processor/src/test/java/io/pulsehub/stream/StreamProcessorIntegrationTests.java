package io.pulsehub.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.contracts.profile.RealtimeTagsView;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.localstack.junit.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.pulsehub.stream.ActivityProducer.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor on local-stack's Kafka and Redis, configured by the real
 * {@code config-repo} files: events on the topic become tags in Redis and changes on
 * {@code profile-changes}; duplicates, bad records and a Redis outage cost nothing.
 */
@StreamProcessorTest
class StreamProcessorIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static ActivityProducer producer;

	@Autowired
	private StringRedisTemplate redis;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void connect() {
		producer = new ActivityProducer();
	}

	@AfterAll
	static void disconnect() {
		producer.close();
	}

	@Test
	void turnsEventsIntoTagsInRedisAndAnnouncesThem() {
		String user = user();
		try (KafkaConsumer<String, byte[]> changes = consumerOf(Topics.PROFILE_CHANGES.name())) {
			UserActivityEvent view = event(user, EventType.PAGE_VIEW).setUserAgent(
					"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
							+ "Version/17.5 Mobile/15E148 Safari/604.1")
				.build();
			producer.send(view);
			producer.send(view);
			producer.send(event(user, EventType.CLICK).setItemId("sku-1").build());
			producer.send(
					event(user, EventType.PURCHASE).setItemId("sku-1").setAmountMinor(500).setCurrency("EUR").build());

			await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(tags(user).version()).isEqualTo(3));
			RealtimeTagsView tags = tags(user);
			assertThat(tags.counts()).containsEntry("page_view", 1L)
				.containsEntry("click", 1L)
				.containsEntry("purchase", 1L);
			assertThat(tags.windowed()).containsEntry("views_5m", 1L).containsEntry("clicks_24h", 1L);
			assertThat(tags.purchaseAmounts()).containsEntry("EUR", 500L);
			assertThat(tags.deviceClass()).isEqualTo("MOBILE");
			List<ProfileChanged> announced = new ArrayList<>();
			await().atMost(WAIT).ignoreExceptions().until(() -> {
				changes.poll(Duration.ofMillis(200)).forEach((record) -> announced.add(parse(record)));
				return announced.stream().filter((change) -> change.getUserId().equals(user)).count() >= 3;
			});
			assertThat(announced.stream().filter((change) -> change.getUserId().equals(user)))
				.extracting(ProfileChanged::getVersion)
				.containsExactly(1L, 2L, 3L);
		}
	}

	@Test
	void keepsTheTrendingItemsInRedis() {
		String item = "trending-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			producer.send(event(user(), EventType.PURCHASE).setItemId(item).build());
		}
		await().atMost(WAIT)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.redis.opsForZSet().score(RedisLayout.TRENDING_ITEMS_1H, item))
				.isEqualTo(50.0));
		assertThat(Instant.parse(this.redis.opsForValue().get(RedisLayout.TRENDING_ITEMS_1H_AS_OF)))
			.isAfter(Instant.now().minusSeconds(30));
	}

	@Test
	void deadLettersUnreadableRecordsAndKeepsProcessing() {
		String user = user();
		try (KafkaConsumer<String, byte[]> dlt = consumerOf(Topics.USER_ACTIVITY_EVENTS_DLT.name())) {
			producer.sendRaw(user, "garbage".getBytes(StandardCharsets.UTF_8));
			producer.send(event(user, EventType.PAGE_VIEW).build());

			await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(tags(user).version()).isEqualTo(1));
			List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
			await().atMost(WAIT).ignoreExceptions().until(() -> {
				dlt.poll(Duration.ofMillis(200)).forEach(dead::add);
				return dead.stream().anyMatch((record) -> user.equals(record.key()));
			});
			ConsumerRecord<String, byte[]> record = dead.stream().filter((r) -> user.equals(r.key())).findFirst().get();
			assertThat(
					new String(record.headers().lastHeader("pulsehub_stream-reason").value(), StandardCharsets.UTF_8))
				.isEqualTo("unreadable");
		}
	}

	@Test
	void losesAndDoublesNothingWhileRedisIsDown() throws InterruptedException {
		String user = user();
		producer.send(event(user, EventType.CLICK).build());
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(tags(user).version()).isEqualTo(1));
		LocalStack.redis().stop();
		try {
			for (int i = 0; i < 4; i++) {
				producer.send(event(user, EventType.CLICK).build());
			}
			// longer than the retry budget: the stream thread gives up, is replaced and
			// replays from its last commit
			Thread.sleep(7000);
		}
		finally {
			LocalStack.redis().start();
		}
		producer.send(event(user, EventType.CLICK).build());
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(tags(user).version()).isEqualTo(6));
		assertThat(tags(user).counts()).containsEntry("click", 6L);
		assertThat(tags(user).windowed()).containsEntry("clicks_5m", 6L);
	}

	@Test
	void exposesStreamAndTopologyMetricsToPrometheus() throws Exception {
		String user = user();
		producer.send(event(user, EventType.PAGE_VIEW).build());
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(tags(user).version()).isEqualTo(1));
		HttpResponse<String> scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("kafka_stream_thread_process_rate", "kafka_stream_thread_commit_latency_avg",
				"pulsehub_stream_end_to_end_latency_seconds", "pulsehub_stream_redis_write_seconds",
				"pulsehub_stream_dedupe_hits_total", "pulsehub_stream_late_events_total",
				"pulsehub_stream_dead_letters_total{application=\"stream-processor\",reason=\"processing-failed\"}");
	}

	private RealtimeTagsView tags(String user) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(RedisLayout.profileKey(user));
		Map<String, String> fields = new HashMap<>();
		hash.forEach((field, value) -> fields.put((String) field, (String) value));
		return RealtimeTagsView.of(fields, Instant.now());
	}

	private static String user() {
		return "it-" + UUID.randomUUID();
	}

	private static ProfileChanged parse(ConsumerRecord<String, byte[]> record) {
		return Topics.PROFILE_CHANGES.valueSerde().deserializer().deserialize(record.topic(), record.value());
	}

	private static KafkaConsumer<String, byte[]> consumerOf(String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
		return consumer;
	}

}
