package io.pulsehub.sync.routing;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code profile-changes} consumer and the overrides reader.
 *
 * @param groupId the consumer group all instances share (partitions are split between
 * them)
 * @param concurrency consumer threads per instance
 * @param overridesStartTimeout longest an instance waits at start-up to read the route
 * overrides before it consumes changes
 */
@Validated
@ConfigurationProperties("pulsehub.sync.consumer")
public record ConsumerProperties(@DefaultValue("sync-service") String groupId,
		@DefaultValue("2") @Positive int concurrency, @DefaultValue("30s") Duration overridesStartTimeout) {

}
