package io.pulsehub.profile.config;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Opens the shared Redis connection as soon as the application is ready, so the first
 * request does not pay for it: on a cold JVM, starting Lettuce's event loops and the
 * handshake outlasts the 500 ms connect timeout, and that request would get a 503. Redis
 * being away is no reason not to start: requests connect once it is back.
 */
class RedisWarmUp implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(RedisWarmUp.class);

	private final RedisConnectionFactory connections;

	RedisWarmUp(RedisConnectionFactory connections) {
		this.connections = connections;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		try (RedisConnection connection = this.connections.getConnection()) {
			connection.ping();
		}
		catch (DataAccessException ex) {
			logger.warn("Redis is not reachable yet; requests will connect once it is: " + ex.getMessage());
		}
	}

}
