package io.pulsehub.stream.topology;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulsehub.stream.StreamMetrics;
import io.pulsehub.stream.tags.TagsSinkUnavailableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class DeadLetterProcessingExceptionHandlerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DeadLetterProcessingExceptionHandler handler = new DeadLetterProcessingExceptionHandler();

	private final ErrorHandlerContext context = mock(ErrorHandlerContext.class);

	private final Record<String, String> record = new Record<>("u1", "event", 0L);

	@BeforeEach
	void configure() {
		this.handler.configure(Map.of(DeadLetterProcessingExceptionHandler.METRICS_CONFIG,
				new StreamMetrics(this.registry), StreamsConfig.APPLICATION_ID_CONFIG, "stream-processor"));
		given(this.context.topic()).willReturn("user-activity-events");
		given(this.context.partition()).willReturn(2);
		given(this.context.offset()).willReturn(41L);
		given(this.context.processorNodeId()).willReturn("user-tags");
		given(this.context.headers()).willReturn(new RecordHeaders());
		given(this.context.sourceRawKey()).willReturn(new byte[] { 'u', '1' });
		given(this.context.sourceRawValue()).willReturn(new byte[] { 1, 2, 3 });
	}

	@Test
	void deadLettersTheOriginalBytesOfARecordThatCannotBeProcessedAndResumes() {
		Response response = this.handler.handleError(this.context, this.record, new IllegalArgumentException("bad"));

		assertThat(response.result()).isEqualTo(Result.RESUME);
		assertThat(response.deadLetterQueueRecords()).singleElement().satisfies((dead) -> {
			assertThat(dead.topic()).isEqualTo("user-activity-events.DLT");
			assertThat(dead.key()).containsExactly('u', '1');
			assertThat(dead.value()).containsExactly(1, 2, 3);
			assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-consumer-group").value()))
				.isEqualTo("stream-processor");
		});
		assertThat(
				this.registry.get("pulsehub.stream.dead.letters").tag("reason", "processing-failed").counter().count())
			.isEqualTo(1);
	}

	@Test
	void failsTheTaskWhenRedisStayedUnreachableSoTheRecordIsRetried() {
		Response response = this.handler.handleError(this.context, this.record,
				new TagsSinkUnavailableException("Redis stayed unreachable", null));

		assertThat(response.result()).isEqualTo(Result.FAIL);
		assertThat(response.deadLetterQueueRecords()).isEmpty();
	}

	@Test
	void failsTheTaskWhenAStateStoreFails() {
		Response response = this.handler.handleError(this.context, this.record,
				new IllegalStateException(new ProcessorStateException("RocksDB is closed")));

		assertThat(response.result()).isEqualTo(Result.FAIL);
	}

}
