package io.pulsehub.ingestion.archive;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The archive could not be written for reasons that are not the records' fault (the
 * database is down, restarting, out of connections...): the batch is retried from its
 * first record, without limit, with the consumer paused between attempts.
 */
class ArchiveUnavailableException extends BatchListenerFailedException {

	ArchiveUnavailableException(String message, Throwable cause) {
		super(message, cause, 0);
	}

}
