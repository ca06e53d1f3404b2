package io.pulsehub.mesh.redis;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * While Redis is unreachable, Lettuce fails a command at once instead of queueing it
 * until it reconnects. By default every command of an outage would wait out the command
 * timeout (or hang without one) while the queue keeps them all in memory; the callers
 * react to a failure anyway (fall back to MongoDB, retry with backoff, let a call pass
 * unlimited), so they should get it at once. The option is added to the options Spring
 * Boot builds, so its {@code spring.data.redis.*} settings (the connect timeout among
 * them) still apply.
 */
@AutoConfiguration
@ConditionalOnClass({ ClientOptions.class, LettuceClientOptionsBuilderCustomizer.class })
public class MeshRedisAutoConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer meshRejectRedisCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
