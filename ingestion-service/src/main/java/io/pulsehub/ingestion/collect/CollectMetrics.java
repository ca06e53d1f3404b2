package io.pulsehub.ingestion.collect;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The collection API's meters: events accepted and rejected (per type and reason), how
 * long Kafka took to acknowledge, and Kafka errors.
 */
final class CollectMetrics {

	private final MeterRegistry registry;

	private final Timer produceLatency;

	CollectMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.produceLatency = Timer.builder("pulsehub.ingestion.produce.latency")
			.description("Time from sending a request's events to Kafka until all were acknowledged")
			.publishPercentileHistogram()
			.register(registry);
	}

	void accepted(String type) {
		Counter.builder("pulsehub.ingestion.events.accepted")
			.description("Events acknowledged by Kafka")
			.tag("type", type)
			.register(this.registry)
			.increment();
	}

	void rejected(String type, String reason) {
		Counter.builder("pulsehub.ingestion.events.rejected")
			.description("Events refused, by type and reason (field.code)")
			.tag("type", type)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	void produced(Duration latency) {
		this.produceLatency.record(latency);
	}

	void kafkaError(Throwable error) {
		Counter.builder("pulsehub.ingestion.kafka.errors")
			.description("Failed or timed-out sends to Kafka, by error")
			.tag("error", error.getClass().getSimpleName())
			.register(this.registry)
			.increment();
	}

}
