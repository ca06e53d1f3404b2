package io.pulsehub.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import io.pulsehub.stream.tags.RedisTagsSink;
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

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	private StreamMetrics metrics;

	@BeforeEach
	void connect() {
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("localhost", LocalStack.redis().port()),
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
		RedisTagsSink sink = new RedisTagsSink(this.redis, this.metrics, Duration.ofSeconds(1));
		String user = "sink-" + UUID.randomUUID();
		String key = RedisLayout.profileKey(user);
		this.redis.opsForHash().put(key, "attr.name", "Ada");

		sink.write(user, Map.of("rt.version", "5", "rt.count.click", "5"), 5);
		sink.write(user, Map.of("rt.version", "3", "rt.count.click", "3"), 3);
		assertThat(this.redis.opsForHash().entries(key)).containsEntry("rt.count.click", "5")
			.containsEntry("rt.version", "5")
			.containsEntry("attr.name", "Ada");

		sink.write(user, Map.of("rt.version", "5", "rt.count.click", "5"), 5);
		sink.write(user, Map.of("rt.version", "6", "rt.count.click", "6"), 6);
		assertThat(this.redis.opsForHash().entries(key)).containsEntry("rt.count.click", "6");
	}

	@Test
	void givesUpAfterItsRetryBudgetWhileRedisIsDown() {
		RedisTagsSink sink = new RedisTagsSink(this.redis, this.metrics, Duration.ofMillis(600));
		LocalStack.redis().stop();
		try {
			long start = System.nanoTime();
			assertThatExceptionOfType(TagsSinkUnavailableException.class)
				.isThrownBy(() -> sink.write("u1", Map.of("rt.version", "1"), 1));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		}
		finally {
			LocalStack.redis().start();
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
