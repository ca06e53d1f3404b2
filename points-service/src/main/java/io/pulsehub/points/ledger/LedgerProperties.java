package io.pulsehub.points.ledger;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the write side.
 *
 * @param maxAmount the largest amount one command may carry; more is a 400 (an absurd
 * request), long before risk control's own caps
 * @param maxAttempts transactions a command may try when the account changes under it,
 * before a 409
 * @param retryBackoff the pause before a retry grows up to attempt x this, jittered
 */
@Validated
@ConfigurationProperties("pulsehub.points.ledger")
record LedgerProperties(@DefaultValue("1000000") @Positive long maxAmount,
		@DefaultValue("10") @Positive int maxAttempts, @DefaultValue("5ms") Duration retryBackoff) {

}
