package io.pulsehub.sync.routing;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.sync.strategy.ChangeOffset;
import io.pulsehub.sync.strategy.SyncMetrics;
import io.pulsehub.sync.strategy.WriteBehindBuffer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Reads {@code profile-changes} (as bytes, so an unreadable record is counted and skipped
 * instead of stopping the consumer) and dispatches each change; offsets are committed
 * manually, once the change is durable.
 */
class ChangeListener implements AcknowledgingMessageListener<String, byte[]> {

	private static final Log logger = LogFactory.getLog(ChangeListener.class);

	private final ChangeDispatcher dispatcher;

	private final WriteBehindBuffer buffer;

	private final SyncMetrics metrics;

	ChangeListener(ChangeDispatcher dispatcher, WriteBehindBuffer buffer, SyncMetrics metrics) {
		this.dispatcher = dispatcher;
		this.buffer = buffer;
		this.metrics = metrics;
	}

	@Override
	public void onMessage(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
		ChangeOffset offset = new ChangeOffset(record.topic() + "-" + record.partition(), record.offset(),
				acknowledgment::acknowledge);
		ProfileChanged change;
		try {
			change = ProfileChanged.parseFrom((record.value() != null) ? record.value() : new byte[0]);
		}
		catch (InvalidProtocolBufferException ex) {
			this.metrics.unreadable();
			logger.warn("Unreadable profile-changes record at " + offset.partition() + "@" + record.offset());
			this.buffer.completed(offset);
			return;
		}
		this.dispatcher.dispatch(change, offset);
	}

}
