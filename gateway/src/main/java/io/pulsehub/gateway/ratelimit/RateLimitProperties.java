package io.pulsehub.gateway.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-API-key rate limit: a token bucket in Redis refilled at {@code requestsPerSecond}
 * holding at most {@code burst} tokens, shared by every gateway instance.
 *
 * @param requestsPerSecond sustained rate per key
 * @param burst how many calls a key may make at once after a quiet spell
 */
@Validated
@ConfigurationProperties("pulsehub.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("1000") @Positive int requestsPerSecond,
		@DefaultValue("2000") @Positive int burst) {
}
