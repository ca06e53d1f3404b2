package io.pulsehub.stream.tags;

import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;

/**
 * One Lettuce connection of the tag writer's own, opened on first use so the processor
 * starts while Redis is away; once open, Lettuce reconnects it by itself.
 */
public final class RedisPipeline implements Supplier<RedisAsyncCommands<String, String>>, AutoCloseable {

	private final RedisClient client;

	private StatefulRedisConnection<String, String> connection;

	/**
	 * Creates the pipeline.
	 * @param client the client Spring Boot configured (address, timeouts)
	 */
	public RedisPipeline(RedisClient client) {
		this.client = client;
	}

	@Override
	public synchronized RedisAsyncCommands<String, String> get() {
		if (this.connection == null) {
			this.connection = this.client.connect(StringCodec.UTF8);
		}
		return this.connection.async();
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

}
