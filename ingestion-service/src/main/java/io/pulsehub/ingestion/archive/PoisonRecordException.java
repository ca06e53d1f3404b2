package io.pulsehub.ingestion.archive;

import java.util.Locale;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * One record of a batch can never be archived as it is: it is retried a bounded number of
 * times and then published to the dead-letter topic. The records before it in the batch
 * are archived.
 * <p>
 * Its own type (not just a cause) so Spring Kafka's failure tracker starts a new back-off
 * when a record that was waiting out an outage turns out to be poison.
 */
class PoisonRecordException extends BatchListenerFailedException {

	private final Reason reason;

	PoisonRecordException(Reason reason, String message, int index) {
		super(message, index);
		this.reason = reason;
	}

	PoisonRecordException(Reason reason, String message, Throwable cause, int index) {
		super(message, cause, index);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

	/**
	 * Why a record is poison; the {@code reason} tag of the dead-letter metric and
	 * header.
	 */
	enum Reason {

		/** The value is not a {@code UserActivityEvent}. */
		UNDECODABLE,

		/** It decodes but lacks what every archived event needs (ids, event time). */
		INVALID,

		/** PostgreSQL refused the row (a data exception or a constraint). */
		REJECTED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
