package io.pulsehub.ingestion.archive;

import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * The one scheduled run of a lifecycle bean (maintenance, lag refresh, schema retries):
 * started once, cancelled on stop, and the bean's running state.
 */
final class PeriodicTask {

	private volatile ScheduledFuture<?> scheduled;

	void start(Supplier<ScheduledFuture<?>> schedule) {
		this.scheduled = schedule.get();
	}

	void cancel() {
		ScheduledFuture<?> current = this.scheduled;
		if (current != null) {
			current.cancel(false);
		}
		this.scheduled = null;
	}

	boolean running() {
		return this.scheduled != null;
	}

}
