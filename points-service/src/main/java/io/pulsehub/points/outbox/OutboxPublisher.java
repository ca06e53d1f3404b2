package io.pulsehub.points.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends outbox messages to Kafka and reports which were acknowledged: the longest prefix
 * of the batch, so rows are only ever marked sent in order.
 */
class OutboxPublisher {

	private static final Logger logger = LoggerFactory.getLogger(OutboxPublisher.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final Duration ackTimeout;

	private final OutboxMetrics metrics;

	OutboxPublisher(KafkaTemplate<String, byte[]> kafka, Duration ackTimeout, OutboxMetrics metrics) {
		this.kafka = kafka;
		this.ackTimeout = ackTimeout;
		this.metrics = metrics;
	}

	/**
	 * Publishes the messages and waits for their acknowledgements.
	 * @param messages in outbox order
	 * @return the ids acknowledged before the first failure
	 */
	List<Long> publish(List<OutboxMessage> messages) {
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(messages.size());
		for (OutboxMessage message : messages) {
			sends.add(this.kafka.send(new ProducerRecord<>(message.topic(), message.key(), message.payload())));
		}
		List<Long> acknowledged = new ArrayList<>(messages.size());
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		for (int i = 0; i < sends.size(); i++) {
			try {
				sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				acknowledged.add(messages.get(i).id());
			}
			catch (ExecutionException | TimeoutException ex) {
				this.metrics.publishFailed(messages.size() - i);
				logger.warn("Outbox relay: Kafka did not acknowledge message {} ({}); {} stay queued",
						messages.get(i).id(), ex.getMessage(), messages.size() - i);
				break;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.metrics.published(acknowledged.size());
		return acknowledged;
	}

}
