package io.pulsehub.ingestion.archive;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Publishes a poison record to {@code user-activity-events.DLT}, same key, same raw value
 * bytes, same partition, with Spring Kafka's {@code kafka_dlt-*} headers (exception
 * class, cause class, message, stack trace, original topic, partition, offset, timestamp,
 * group) and {@value #REASON_HEADER}.
 * <p>
 * If publishing fails (Kafka unreachable) the recoverer throws and the record is retried,
 * so its offset is only committed once it is in the dead-letter topic.
 */
class DeadLetterPublisher implements ConsumerRecordRecoverer, DisposableBean {

	static final String REASON_HEADER = "pulsehub_archive-reason";

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterPublisher.class);

	private static final Topic<String, byte[]> DLT = Topics.USER_ACTIVITY_EVENTS_DLT;

	private final DefaultKafkaProducerFactory<String, byte[]> producers;

	private final DeadLetterPublishingRecoverer recoverer;

	private final ArchiveMetrics metrics;

	DeadLetterPublisher(Map<String, Object> producerProperties, MeterRegistry registry, ArchiveMetrics metrics) {
		Map<String, Object> properties = new HashMap<>(producerProperties);
		properties.put(ProducerConfig.CLIENT_ID_CONFIG, "cold-archiver-dlt");
		this.producers = new DefaultKafkaProducerFactory<>(properties, DLT.keySerde()::serializer,
				DLT.valueSerde()::serializer);
		this.producers.addListener(new MicrometerProducerListener<>(registry));
		this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(this.producers),
				(record, exception) -> new TopicPartition(DLT.name(), record.partition()));
		this.recoverer.addHeadersFunction((record, exception) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
		this.metrics = metrics;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		this.recoverer.accept(record, exception);
		String reason = reason(exception);
		this.metrics.deadLettered(reason);
		// The poison exceptions' messages carry no field values (see EventDecoder and
		// DatabaseErrors.describe), so this log line holds no personal data.
		logger.warn("Sent {} to {} ({}): {}", KafkaUtils.format(record), DLT.name(), reason,
				poison(exception).map(Throwable::getMessage).orElse(exception.getClass().getName()));
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

	static String reason(Throwable exception) {
		return poison(exception).map((poison) -> poison.reason().tag()).orElse("other");
	}

	private static Optional<PoisonRecordException> poison(Throwable exception) {
		for (Throwable current = exception; current != null; current = current.getCause()) {
			if (current instanceof PoisonRecordException poison) {
				return Optional.of(poison);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return Optional.empty();
	}

}
