package io.pulsehub.mesh.redis;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While Redis is down a command fails at once rather than waiting in Lettuce's queue for
 * the reconnection or its own timeout (a minute here, so that waiting shows as a hang:
 * the test fails so with Lettuce's default); once Redis is back the client reconnects by
 * itself and the failed write was not applied. On local-stack's real Redis, stopped and
 * started again.
 */
@LocalStackTest(services = Service.REDIS)
class MeshRedisIntegrationTests {

	@Test
	void aCommandWhileRedisIsDownFailsAtOnceAndTheClientRecoversWhenItIsBack() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, MeshRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + LocalStack.redis().url(), "spring.data.redis.timeout=60s")
			.run((context) -> {
				StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
				String key = "mesh-redis-test:" + UUID.randomUUID();
				assertThat(redis.hasKey(key)).isFalse();

				LocalStack.redis().stop();
				try {
					// the connection notices the server is gone within moments
					Thread.sleep(300);
					CompletableFuture<Void> write = CompletableFuture
						.runAsync(() -> redis.opsForValue().set(key, "written during the outage"));
					assertThat(write).failsWithin(Duration.ofSeconds(10))
						.withThrowableOfType(ExecutionException.class)
						.havingCause()
						.isInstanceOf(DataAccessException.class);
				}
				finally {
					LocalStack.redis().start();
				}

				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(200))
					.ignoreExceptions()
					.untilAsserted(() -> assertThat(redis.opsForValue().get(key + ":probe")).isNull());
				assertThat(redis.hasKey(key)).as("the write that failed").isFalse();
			});
	}

}
