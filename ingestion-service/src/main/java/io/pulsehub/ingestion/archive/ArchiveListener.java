package io.pulsehub.ingestion.archive;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Archives one polled batch; returning normally lets the container commit the batch's
 * offsets, which happens only after PostgreSQL committed the rows.
 * <p>
 * Records are decoded in order up to the first poison one; the rows before it are written
 * in one statement. If PostgreSQL rejects that statement for its data, the rows are
 * written one by one up to the rejected row. Either way the listener then throws a
 * {@link PoisonRecordException} with the poison record's index: Spring Kafka commits the
 * offsets before it, retries it (bounded) and dead-letters it, and redelivers the records
 * after it. Any other write failure throws {@link ArchiveUnavailableException} for the
 * whole batch, which is retried without limit.
 */
class ArchiveListener implements BatchMessageListener<String, byte[]> {

	private static final Logger logger = LoggerFactory.getLogger(ArchiveListener.class);

	private final EventDecoder decoder = new EventDecoder();

	private final EventArchive archive;

	private final ArchiveMetrics metrics;

	ArchiveListener(EventArchive archive, ArchiveMetrics metrics) {
		this.archive = archive;
		this.metrics = metrics;
	}

	@Override
	public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
		List<EventRow> rows = new ArrayList<>(records.size());
		PoisonRecordException poison = null;
		for (int index = 0; index < records.size() && poison == null; index++) {
			try {
				rows.add(this.decoder.decode(records.get(index), index));
			}
			catch (PoisonRecordException ex) {
				poison = ex;
			}
		}
		archive(rows, records);
		if (poison != null) {
			throw poison;
		}
	}

	private void archive(List<EventRow> rows, List<ConsumerRecord<String, byte[]>> records) {
		if (rows.isEmpty()) {
			return;
		}
		try {
			write(rows);
		}
		catch (RuntimeException ex) {
			if (!DatabaseErrors.isRowRejection(ex)) {
				throw unavailable(ex, records);
			}
			writeOneByOne(rows, records);
		}
	}

	private void writeOneByOne(List<EventRow> rows, List<ConsumerRecord<String, byte[]>> records) {
		for (int index = 0; index < rows.size(); index++) {
			EventRow row = rows.get(index);
			try {
				write(List.of(row));
			}
			catch (RuntimeException ex) {
				if (!DatabaseErrors.isRowRejection(ex)) {
					throw unavailable(ex, records);
				}
				throw new PoisonRecordException(PoisonRecordException.Reason.REJECTED,
						"PostgreSQL rejected event " + row.eventId() + " at " + KafkaUtils.format(records.get(index))
								+ ": " + DatabaseErrors.describe(ex),
						index);
			}
		}
	}

	private void write(List<EventRow> rows) {
		long start = System.nanoTime();
		String outcome = "success";
		try {
			int inserted = this.archive.write(rows);
			long newest = rows.stream().mapToLong(EventRow::kafkaTimestamp).max().orElse(0);
			this.metrics.written(rows.size(), inserted, newest);
		}
		catch (RuntimeException ex) {
			outcome = DatabaseErrors.isRowRejection(ex) ? "rejected" : "unavailable";
			throw ex;
		}
		finally {
			this.metrics.writeTook(outcome, System.nanoTime() - start);
		}
	}

	private static ArchiveUnavailableException unavailable(RuntimeException ex,
			List<ConsumerRecord<String, byte[]>> records) {
		String message = "Archive unavailable, " + records.size() + " records from " + KafkaUtils.format(records.get(0))
				+ " wait for the next attempt: " + DatabaseErrors.describe(ex);
		logger.warn(message);
		return new ArchiveUnavailableException(message, ex);
	}

}
