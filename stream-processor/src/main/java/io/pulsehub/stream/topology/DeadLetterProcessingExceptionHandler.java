package io.pulsehub.stream.topology;

import java.util.List;
import java.util.Map;

import io.pulsehub.contracts.Topics;
import io.pulsehub.stream.StreamMetrics;
import io.pulsehub.stream.tags.TagsSinkUnavailableException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws goes to {@code user-activity-events.DLT} with its
 * original bytes and the reason, in the same transaction, and the stream goes on: without
 * this the thread would be replaced, replay the same record, throw again, and the
 * partition would never move. An exception that says a store is out of reach, not that
 * the record is bad (Redis down past the retry budget, a failing state store), fails the
 * task instead, so the thread is replaced and the record retried once the store is back.
 * <p>
 * Kafka Streams creates the handler from {@code processing.exception.handler}; the
 * application's {@link StreamMetrics} arrive in the same configuration under
 * {@link #METRICS_CONFIG}.
 */
public final class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

	/** The configuration key under which the handler finds the topology's meters. */
	public static final String METRICS_CONFIG = "pulsehub.stream.metrics";

	/**
	 * The {@link DeadLetterHeaders#REASON_HEADER} value of a record whose processing
	 * threw.
	 */
	static final String REASON = "processing-failed";

	/** The processor node that threw. */
	private static final String NODE_HEADER = "pulsehub_stream-processor-node";

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

	private StreamMetrics metrics;

	private String applicationId;

	@Override
	public void configure(Map<String, ?> configs) {
		this.metrics = (StreamMetrics) configs.get(METRICS_CONFIG);
		this.applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
	}

	@Override
	public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
		if (storeOutOfReach(exception)) {
			return Response.fail();
		}
		logger.warn("Record {}-{}@{} failed in {} and goes to the dead-letter topic: {}", context.topic(),
				context.partition(), context.offset(), context.processorNodeId(), exception.toString());
		if (this.metrics != null) {
			this.metrics.deadLettered(REASON);
		}
		return Response.resume(List.of(deadLetter(context, exception)));
	}

	private static boolean storeOutOfReach(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof TagsSinkUnavailableException || cause instanceof StreamsException) {
				return true;
			}
		}
		return false;
	}

	private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception) {
		Headers headers = new RecordHeaders(context.headers().toArray());
		DeadLetterHeaders.addReason(headers, REASON, String.valueOf(exception.getMessage()), this.applicationId);
		DeadLetterHeaders.addOrigin(headers, context.topic(), context.partition(), context.offset());
		headers.add(NODE_HEADER, DeadLetterHeaders.utf8(context.processorNodeId()));
		return new ProducerRecord<>(Topics.USER_ACTIVITY_EVENTS_DLT.name(), null, context.timestamp(),
				context.sourceRawKey(), context.sourceRawValue(), headers);
	}

}
