package io.pulsehub.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The ceiling for ingestion: a raw Kafka producer with the service's settings (acks=all,
 * idempotent, lz4, linger 2 ms) sending the same events as fast as it can.
 */
final class KafkaCeiling {

	private final String bootstrapServers;

	KafkaCeiling(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Sends events and waits for every acknowledgement.
	 * @param runId prefix of the event ids
	 * @param count how many
	 * @return acknowledged events per second
	 */
	double produce(String runId, int count) throws InterruptedException {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		CountDownLatch acknowledged = new CountDownLatch(count);
		LongAdder failed = new LongAdder();
		try (KafkaProducer<String, UserActivityEvent> producer = new KafkaProducer<>(config,
				Topics.USER_ACTIVITY_EVENTS.keySerde().serializer(),
				Topics.USER_ACTIVITY_EVENTS.valueSerde().serializer())) {
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				UserActivityEvent event = Events.proto(runId);
				producer.send(new ProducerRecord<>(Topics.USER_ACTIVITY_EVENTS.name(), event.getUserId(), event),
						(metadata, error) -> {
							if (error != null) {
								failed.increment();
							}
							acknowledged.countDown();
						});
			}
			acknowledged.await();
			double seconds = (System.nanoTime() - start) / 1e9;
			if (failed.sum() > 0) {
				throw new IllegalStateException(failed.sum() + " sends failed");
			}
			return count / seconds;
		}
	}

}
