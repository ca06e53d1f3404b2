package io.pulsehub.points.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay.
 *
 * @param batchSize rows per relay transaction
 * @param pollInterval pause between relay rounds when the outbox is drained
 * @param ackTimeout how long a batch waits for Kafka's acknowledgements
 * @param metricsInterval how often the backlog gauges are refreshed
 * @param retention how long sent rows are kept (for inspection) before deletion
 * @param relayEnabled whether the relay starts with the service; {@code false} leaves
 * committed rows unsent (commands still succeed, the backlog grows) until an instance
 * with the relay enabled runs: for fault tests and maintenance, never needed in normal
 * operation
 */
@Validated
@ConfigurationProperties("pulsehub.points.outbox")
record OutboxProperties(@DefaultValue("500") @Positive int batchSize, @DefaultValue("50ms") Duration pollInterval,
		@DefaultValue("10s") Duration ackTimeout, @DefaultValue("5s") Duration metricsInterval,
		@DefaultValue("7d") Duration retention, @DefaultValue("true") boolean relayEnabled) {

}
