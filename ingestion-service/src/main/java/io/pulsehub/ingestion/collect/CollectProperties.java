package io.pulsehub.ingestion.collect;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the collection API.
 *
 * @param maxBatch most events in one batch request
 * @param maxBody largest request body; larger ones are refused with 413
 * @param futureTolerance how far ahead of the server clock an event may claim to have
 * happened (clock skew of devices)
 * @param horizon how old an event may be; older ones are refused (late data belongs in a
 * backfill, not the live stream)
 * @param maxProperties most free properties per event
 * @param maxPropertyValueLength longest property value, in characters
 * @param sendTimeout longest the API waits for Kafka's acknowledgement before answering
 * 503
 * @param maxInFlight most requests waiting on Kafka at once; more are refused with 503
 * rather than queued
 */
@Validated
@ConfigurationProperties("pulsehub.ingestion.collect")
record CollectProperties(@DefaultValue("500") @Positive @Max(10_000) int maxBatch,
		@DefaultValue("1MB") DataSize maxBody, @DefaultValue("5m") Duration futureTolerance,
		@DefaultValue("30d") Duration horizon, @DefaultValue("50") @Positive int maxProperties,
		@DefaultValue("512") @Positive int maxPropertyValueLength, @DefaultValue("8s") Duration sendTimeout,
		@DefaultValue("1024") @Positive int maxInFlight) {
}
