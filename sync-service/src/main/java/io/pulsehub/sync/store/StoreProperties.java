package io.pulsehub.sync.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How MongoDB is reached; bounded waits so a MongoDB outage opens the breaker (and
 * degrades to SCHEDULED) within seconds instead of hanging the consumer.
 *
 * @param database the MongoDB database; empty for the connection string's (else
 * {@code pulsehub})
 * @param mongoConnectTimeout longest wait for a connection
 * @param mongoReadTimeout longest wait for a reply
 * @param mongoServerSelectionTimeout longest wait for a usable server
 */
@ConfigurationProperties("pulsehub.sync.store")
public record StoreProperties(@DefaultValue("") String database, @DefaultValue("1s") Duration mongoConnectTimeout,
		@DefaultValue("2s") Duration mongoReadTimeout, @DefaultValue("1s") Duration mongoServerSelectionTimeout) {

}
