package io.pulsehub.profile.cache;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The L1 profile cache.
 *
 * @param ttl how long a profile stays cached at most, even if no change event arrives
 * @param maxSize how many profiles are cached at most
 * @param prewarmSize how many of the most recently updated users are loaded at start-up
 * @param groupPrefix the prefix of this instance's own consumer group on
 * {@code profile-changes} (a random suffix makes it unique per instance)
 */
@Validated
@ConfigurationProperties("pulsehub.profile.cache")
public record CacheProperties(@DefaultValue("5s") Duration ttl, @Positive @DefaultValue("100000") long maxSize,
		@PositiveOrZero @DefaultValue("1000") int prewarmSize,
		@DefaultValue("profile-service-cache") String groupPrefix) {

}
