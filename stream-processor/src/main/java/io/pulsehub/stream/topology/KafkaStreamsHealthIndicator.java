package io.pulsehub.stream.topology;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP while Kafka Streams runs or rebalances, DOWN once it has failed or stopped, so a
 * processor that no longer processes is visible in health and Spring Boot Admin.
 */
class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean factory;

	KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factory) {
		super("Kafka Streams health check failed");
		this.factory = factory;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams streams = this.factory.getKafkaStreams();
		if (streams == null) {
			builder.unknown().withDetail("state", "NOT_STARTED");
			return;
		}
		KafkaStreams.State state = streams.state();
		switch (state) {
			case RUNNING, REBALANCING -> builder.up();
			case CREATED -> builder.unknown();
			default -> builder.down();
		}
		builder.withDetail("state", state.name()).withDetail("threads", streams.metadataForLocalThreads().size());
	}

}
