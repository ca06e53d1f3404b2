package io.pulsehub.mesh.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class MeshRedisAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, MeshRedisAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.url=redis://localhost:1", "spring.data.redis.connect-timeout=700ms");

	@Test
	void refusesCommandsWhileDisconnectedInsteadOfQueueingThem() {
		this.runner.run((context) -> assertThat(
				options(context.getBean(LettuceConnectionFactory.class)).getDisconnectedBehavior())
			.isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS));
	}

	@Test
	void keepsTheOptionsSpringBootBuildsFromItsSettings() {
		this.runner.run((context) -> assertThat(
				options(context.getBean(LettuceConnectionFactory.class)).getSocketOptions().getConnectTimeout())
			.isEqualTo(Duration.ofMillis(700)));
	}

	@Test
	void lettucesDefaultWithoutIt() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.run((context) -> assertThat(
					options(context.getBean(LettuceConnectionFactory.class)).getDisconnectedBehavior())
				.isEqualTo(ClientOptions.DisconnectedBehavior.DEFAULT));
	}

	private static ClientOptions options(LettuceConnectionFactory factory) {
		return factory.getClientConfiguration().getClientOptions().orElseThrow();
	}

}
