package io.pulsehub.points.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Only the acknowledged prefix of a batch counts as sent, so rows are marked in order and
 * everything from the first failure on is published again.
 */
class OutboxPublisherTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

	private final OutboxPublisher publisher = new OutboxPublisher(this.kafka, Duration.ofSeconds(1),
			new OutboxMetrics(this.registry));

	@Test
	void reportsEveryMessageKafkaAcknowledged() {
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged());
		assertThat(this.publisher.publish(List.of(message(1), message(2), message(3)))).containsExactly(1L, 2L, 3L);
		assertThat(this.registry.counter("pulsehub.points.outbox.published").count()).isEqualTo(3);
		assertThat(this.registry.counter("pulsehub.points.outbox.publish.failures").count()).isZero();
	}

	@Test
	void stopsAtTheFirstFailureAndCountsTheRestAsFailed() {
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged(),
				CompletableFuture.failedFuture(new IllegalStateException("broker gone")), acknowledged());
		assertThat(this.publisher.publish(List.of(message(1), message(2), message(3)))).containsExactly(1L);
		assertThat(this.registry.counter("pulsehub.points.outbox.published").count()).isEqualTo(1);
		assertThat(this.registry.counter("pulsehub.points.outbox.publish.failures").count()).isEqualTo(2);
	}

	@Test
	void treatsAMissingAcknowledgementAsAFailure() {
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(new CompletableFuture<>());
		assertThat(this.publisher.publish(List.of(message(7)))).isEmpty();
		assertThat(this.registry.counter("pulsehub.points.outbox.publish.failures").count()).isEqualTo(1);
	}

	private static CompletableFuture<SendResult<String, byte[]>> acknowledged() {
		return CompletableFuture.completedFuture(null);
	}

	private static OutboxMessage message(long id) {
		return new OutboxMessage(id, "points-events", "u" + id, new byte[] { 1 });
	}

}
