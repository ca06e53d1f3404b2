package io.pulsehub.profile.core;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the profile stores' callers wait; Redis's command timeout is Boot's
 * {@code spring.data.redis.timeout}, MongoDB's waits are {@code pulsehub.mongo.*}
 * (mesh-autoconfigure).
 *
 * @param publishTimeout longest wait for Kafka to acknowledge a change event
 * @param retryAfter what a 503 tells the client to wait
 */
@ConfigurationProperties("pulsehub.profile.store")
public record StoreProperties(@DefaultValue("5s") Duration publishTimeout, @DefaultValue("5s") Duration retryAfter) {

}
