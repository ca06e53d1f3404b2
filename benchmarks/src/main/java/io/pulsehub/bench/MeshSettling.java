package io.pulsehub.bench;

import java.time.Duration;

import io.pulsehub.contracts.Topics;

/**
 * Waits until the mesh's consumers of the event stream have done what earlier phases gave
 * them, so a measurement does not share the machine with a backlog: the stream-processor
 * has processed every activity event and the sync-service every profile change (it
 * commits a write-behind change only after its flush).
 */
final class MeshSettling {

	private MeshSettling() {
	}

	/**
	 * Waits for both groups.
	 * @param kafka the bootstrap servers
	 * @param timeout how long to wait for each
	 * @throws IllegalStateException when they have not caught up within the timeout
	 */
	static void await(String kafka, Duration timeout) throws InterruptedException {
		try (ConsumerLag stream = new ConsumerLag(kafka, IngestBenchmark.STREAM_GROUP,
				Topics.USER_ACTIVITY_EVENTS.name());
				ConsumerLag sync = new ConsumerLag(kafka, "sync-service", Topics.PROFILE_CHANGES.name())) {
			long events = stream.awaitCaughtUp(null, timeout);
			long changes = sync.awaitCaughtUpToMarkers(timeout);
			if (events > 0 || changes > 0) {
				throw new IllegalStateException("not settled within " + timeout + ": " + events + " events, " + changes
						+ " profile changes left");
			}
		}
	}

}
