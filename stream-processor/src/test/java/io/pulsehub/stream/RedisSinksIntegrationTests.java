package io.pulsehub.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import io.pulsehub.stream.tags.RedisTagsSink;
import io.pulsehub.stream.tags.SendOutcome;
import io.pulsehub.stream.tags.TagWrite;
import io.pulsehub.stream.tags.TagsSinkUnavailableException;
import io.pulsehub.stream.trending.ItemScore;
import io.pulsehub.stream.trending.RedisTrendingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis sinks' scripts on a real Redis.
 */
@LocalStackTest(services = Service.REDIS)
class RedisSinksIntegrationTests {

	private static final int OWN_DATABASE = 7;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	private StreamMetrics metrics;

	@BeforeEach
	void connect() {
		RedisStandaloneConfiguration redis = new RedisStandaloneConfiguration("localhost", LocalStack.redis().port());
		// A database of its own: the topologies other test classes leave running (cached
		// Spring contexts) refresh the trending keys of database 0 every few seconds.
		redis.setDatabase(OWN_DATABASE);
		this.connections = new LettuceConnectionFactory(redis,
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
		this.redis.delete(List.of(RedisLayout.TRENDING_ITEMS_1H, "trending:items:1h:partitions"));
		this.metrics = new StreamMetrics(new SimpleMeterRegistry());
	}

	@AfterEach
	void disconnect() {
		this.connections.destroy();
	}

	@Test
	void writesTagsUnlessTheStoredVersionIsNewer() {
		RedisTagsSink sink = new RedisTagsSink(this.connections, this.metrics, Duration.ofSeconds(1));
		String user = "sink-" + UUID.randomUUID();
		String key = RedisLayout.profileKey(user);
		this.redis.opsForHash().put(key, "attr.name", "Ada");

		sink.write(List.of(clicks(user, 5)));
		sink.write(List.of(clicks(user, 3)));
		assertThat(this.redis.opsForHash().entries(key)).containsEntry("rt.count.click", "5")
			.containsEntry("rt.version", "5")
			.containsEntry("attr.name", "Ada");

		sink.write(List.of(clicks(user, 5)));
		sink.write(List.of(clicks(user, 6)));
		assertThat(this.redis.opsForHash().entries(key)).containsEntry("rt.count.click", "6");
	}

	@Test
	void writesABatchOfUsersAtOnceEachGuardedByItsOwnVersion() {
		RedisTagsSink sink = new RedisTagsSink(this.connections, this.metrics, Duration.ofSeconds(1));
		List<String> users = IntStream.range(0, 50).mapToObj((i) -> "sink-" + UUID.randomUUID()).toList();
		sink.write(List.of(clicks(users.get(0), 9)));

		sink.write(users.stream().map((user) -> clicks(user, 4)).toList());

		assertThat(this.redis.opsForHash().get(RedisLayout.profileKey(users.get(0)), "rt.count.click")).isEqualTo("9");
		assertThat(users.subList(1, users.size())).allSatisfy(
				(user) -> assertThat(this.redis.opsForHash().get(RedisLayout.profileKey(user), "rt.count.click"))
					.isEqualTo("4"));
	}

	@Test
	void neverRecreatesTheProfileOfAnErasedUser() {
		RedisTagsSink sink = new RedisTagsSink(this.connections, this.metrics, Duration.ofSeconds(1));
		String erased = "sink-" + UUID.randomUUID();
		String other = "sink-" + UUID.randomUUID();
		this.redis.opsForValue().set(RedisLayout.erasedKey(erased), "2026-11-23T10:00:00Z");

		sink.write(List.of(clicks(erased, 7), clicks(other, 7)));

		assertThat(this.redis.hasKey(RedisLayout.profileKey(erased))).isFalse();
		assertThat(this.redis.opsForHash().get(RedisLayout.profileKey(other), "rt.count.click")).isEqualTo("7");
	}

	@Test
	void resumesOnceRedisIsBackWithinTheRetryBudget() throws Exception {
		RedisTagsSink sink = new RedisTagsSink(this.connections, this.metrics, Duration.ofSeconds(20));
		String user = "sink-" + UUID.randomUUID();
		sink.write(List.of(clicks(user, 1)));
		LocalStack.redis().stop();
		CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> {
			pause(Duration.ofSeconds(2));
			LocalStack.redis().start();
		});
		try {
			sink.write(List.of(clicks(user, 2)));
		}
		finally {
			restarted.get();
		}
		assertThat(this.redis.opsForHash().get(RedisLayout.profileKey(user), "rt.count.click")).isEqualTo("2");
	}

	@Test
	void givesUpAfterItsRetryBudgetWhileRedisIsDown() {
		RedisTagsSink sink = new RedisTagsSink(this.connections, this.metrics, Duration.ofMillis(600));
		LocalStack.redis().stop();
		try {
			long start = System.nanoTime();
			assertThatExceptionOfType(TagsSinkUnavailableException.class)
				.isThrownBy(() -> sink.write(List.of(clicks("u1", 1))));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		}
		finally {
			LocalStack.redis().start();
		}
	}

	@Test
	void pipelinedBatchesLandInTheOrderTheyWereSent() throws Exception {
		RedisTagsSink sink = new RedisTagsSink(this.connections, this.metrics, Duration.ofSeconds(1));
		String user = "sink-" + UUID.randomUUID();
		List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();

		outcomes.add(sink.send(List.of(new TagWrite(user, Map.of("rt.version", "1", "rt.device.class", "MOBILE"), 1))));
		for (int version = 2; version <= 20; version++) {
			outcomes.add(sink.send(List.of(clicks(user, version))));
		}

		for (CompletableFuture<SendOutcome> outcome : outcomes) {
			assertThat(outcome.get(5, TimeUnit.SECONDS).landed()).isTrue();
		}
		assertThat(this.redis.opsForHash().entries(RedisLayout.profileKey(user)))
			.containsEntry("rt.device.class", "MOBILE")
			.containsEntry("rt.count.click", "20")
			.containsEntry("rt.version", "20");
	}

	@Test
	void reportsWhichPipelinedWritesDidNotLandWhileRedisIsDown() throws Exception {
		RedisTagsSink sink = new RedisTagsSink(this.connections, this.metrics, Duration.ofSeconds(1));
		String first = "sink-" + UUID.randomUUID();
		String second = "sink-" + UUID.randomUUID();
		LocalStack.redis().stop();
		try {
			SendOutcome outcome = sink.send(List.of(clicks(first, 1), clicks(second, 1))).get(10, TimeUnit.SECONDS);

			assertThat(outcome.landed()).isFalse();
			assertThat(outcome.failed()).extracting(TagWrite::userId).containsExactly(first, second);
			assertThat(outcome.cause()).isNotNull();
		}
		finally {
			LocalStack.redis().start();
		}
	}

	private static TagWrite clicks(String user, long count) {
		return new TagWrite(user, Map.of("rt.version", Long.toString(count), "rt.count.click", Long.toString(count)),
				count);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void mergesEveryPartitionsTopItemsIntoOneBoundedSet() {
		RedisTrendingSink sink = new RedisTrendingSink(this.redis, this.metrics, Duration.ofMinutes(1), 3);
		Instant now = Instant.parse("2026-11-23T10:00:00Z");

		sink.publish(0, List.of(new ItemScore("book", 10), new ItemScore("pen", 2)), now);
		sink.publish(1, List.of(new ItemScore("lamp", 7), new ItemScore("mug", 1)), now);

		assertThat(trending()).containsExactly("book=10", "lamp=7", "pen=2");
		assertThat(this.redis.opsForValue().get(RedisLayout.TRENDING_ITEMS_1H_AS_OF)).isEqualTo(now.toString());

		sink.publish(0, List.of(), now.plusSeconds(5));

		assertThat(trending()).containsExactly("lamp=7", "mug=1");
	}

	private List<String> trending() {
		return this.redis.opsForZSet()
			.reverseRangeWithScores(RedisLayout.TRENDING_ITEMS_1H, 0, -1)
			.stream()
			.map((TypedTuple<String> item) -> item.getValue() + "=" + item.getScore().longValue())
			.toList();
	}

}
