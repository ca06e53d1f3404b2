package io.pulsehub.profile.core;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the profile stores are reached; Redis's command timeout is Boot's
 * {@code spring.data.redis.timeout}.
 *
 * @param database the MongoDB database; empty for the connection string's (else
 * {@code pulsehub})
 * @param mongoConnectTimeout longest wait for a MongoDB connection
 * @param mongoReadTimeout longest wait for a MongoDB reply
 * @param mongoServerSelectionTimeout longest wait for a usable MongoDB server (the
 * driver's default of 30 s would hang reads while it is down)
 * @param publishTimeout longest wait for Kafka to acknowledge a change event
 * @param retryAfter what a 503 tells the client to wait
 */
@ConfigurationProperties("pulsehub.profile.store")
public record StoreProperties(@DefaultValue("") String database, @DefaultValue("1s") Duration mongoConnectTimeout,
		@DefaultValue("2s") Duration mongoReadTimeout, @DefaultValue("1s") Duration mongoServerSelectionTimeout,
		@DefaultValue("5s") Duration publishTimeout, @DefaultValue("5s") Duration retryAfter) {

}
