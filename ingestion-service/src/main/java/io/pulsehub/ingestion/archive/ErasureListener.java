package io.pulsehub.ingestion.archive;

import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Follows {@code profile-changes} and erases the archive of every user whose profile was
 * DELETED (profile-service's erasure); other kinds are ignored. Offsets are committed
 * after the poll's erasures committed, so a crash or a PostgreSQL outage repeats them
 * (idempotent) instead of skipping them; an unreadable record is counted, logged and
 * skipped, since it names no user to erase.
 */
class ErasureListener implements MessageListener<String, byte[]> {

	private static final Logger logger = LoggerFactory.getLogger(ErasureListener.class);

	private static final Topic<String, ProfileChanged> CHANGES = Topics.PROFILE_CHANGES;

	private final ArchiveEraser eraser;

	private final ArchiveMetrics metrics;

	ErasureListener(ArchiveEraser eraser, ArchiveMetrics metrics) {
		this.eraser = eraser;
		this.metrics = metrics;
	}

	@Override
	public void onMessage(ConsumerRecord<String, byte[]> record) {
		ProfileChanged change;
		try {
			change = CHANGES.valueSerde().deserializer().deserialize(CHANGES.name(), record.value());
		}
		catch (SerializationException ex) {
			this.metrics.erasure("unreadable");
			logger.warn("Skipped an unreadable profile change at {}: {}", KafkaUtils.format(record), ex.getMessage());
			return;
		}
		if (change == null || change.getKind() != ChangeKind.DELETED || change.getUserId().isEmpty()) {
			return;
		}
		long rows = this.eraser.erase(change.getUserId());
		this.metrics.erased(rows);
		logger.info("Erased the archive of an erased user: {} rows deleted", rows);
	}

}
