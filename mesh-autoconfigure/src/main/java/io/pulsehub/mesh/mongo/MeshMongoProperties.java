package io.pulsehub.mesh.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service reaches MongoDB: bounded waits, so an outage opens the service's breaker
 * within seconds instead of hanging every call (the driver waits 30 s for a server by
 * default), and the database its documents live in.
 *
 * @param database the database; empty for the connection string's (else {@code pulsehub})
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait for a reply
 * @param serverSelectionTimeout longest wait for a usable server
 */
@ConfigurationProperties("pulsehub.mongo")
public record MeshMongoProperties(@DefaultValue("") String database, @DefaultValue("1s") Duration connectTimeout,
		@DefaultValue("2s") Duration readTimeout, @DefaultValue("1s") Duration serverSelectionTimeout) {

}
