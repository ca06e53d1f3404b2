package io.pulsehub.stream.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The headers a record on {@code user-activity-events.DLT} carries: why it is there and
 * where it was read, under the names Spring Kafka's recoverer writes, so one tool can
 * inspect every service's dead letters.
 */
final class DeadLetterHeaders {

	/** The short, bounded reason code (also the tag of the dead-letter counter). */
	static final String REASON_HEADER = "pulsehub_stream-reason";

	private DeadLetterHeaders() {
	}

	/**
	 * Adds the reason code, a readable detail and the consumer group.
	 * @param headers the dead letter's headers
	 * @param reason the reason code
	 * @param detail what was wrong, for a person
	 * @param applicationId the Kafka Streams application (its consumer group)
	 */
	static void addReason(Headers headers, String reason, String detail, String applicationId) {
		headers.add(REASON_HEADER, utf8(reason));
		headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(detail));
		headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(applicationId));
	}

	/**
	 * Adds where the record was read.
	 * @param headers the dead letter's headers
	 * @param topic the source topic
	 * @param partition its partition
	 * @param offset its offset
	 */
	static void addOrigin(Headers headers, String topic, int partition, long offset) {
		headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(topic));
		headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(partition).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(offset).array());
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
