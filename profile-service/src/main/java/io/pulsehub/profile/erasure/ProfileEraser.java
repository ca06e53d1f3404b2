package io.pulsehub.profile.erasure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.profile.cache.ProfileCache;
import io.pulsehub.profile.core.ProfileChangePublisher;
import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.ProfileHashStore;
import io.pulsehub.profile.core.ProfileProblem;
import io.pulsehub.profile.core.StoreUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Erases users. A request is accepted once its record and the user's durable tombstone
 * are in MongoDB; the steps then run in the background: Redis (tombstone, every key of
 * the user), MongoDB ({@code user_profiles}), and last the {@code DELETED} event that
 * every other store follows. A step that fails is retried periodically until it is done.
 */
class ProfileEraser {

	private static final Log logger = LogFactory.getLog(ProfileEraser.class);

	/** How long a run's claim holds if the instance dies without releasing it. */
	private static final Duration CLAIM = Duration.ofMinutes(2);

	private final ErasureStore erasures;

	private final ProfileHashStore hashes;

	private final ProfileDocumentStore documents;

	private final ProfileChangePublisher changes;

	private final ProfileCache cache;

	private final Clock clock;

	private final Duration retryAfter;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("profile-erasure").factory());

	ProfileEraser(ErasureStore erasures, ProfileHashStore hashes, ProfileDocumentStore documents,
			ProfileChangePublisher changes, ProfileCache cache, Clock clock, Duration retryAfter) {
		this.erasures = erasures;
		this.hashes = hashes;
		this.documents = documents;
		this.changes = changes;
		this.cache = cache;
		this.clock = clock;
		this.retryAfter = retryAfter;
	}

	/**
	 * Starts retrying unfinished erasures every {@code interval}.
	 * @param interval the retry interval
	 */
	void retryEvery(Duration interval) {
		this.executor.scheduleWithFixedDelay(this::retryPending, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Accepts an erasure and starts it.
	 * @param userId a valid user id
	 * @return the erasure as accepted
	 * @throws ProfileProblem (503) when MongoDB cannot record it; nothing was erased
	 */
	ErasureView request(String userId) {
		Instant now = this.clock.instant();
		Map<String, String> stores = new LinkedHashMap<>();
		for (String step : ErasureView.STEPS) {
			stores.put(step, ErasureView.PENDING);
		}
		ErasureView erasure = new ErasureView(UUID.randomUUID().toString(), userId, ErasureView.PENDING, now, null,
				stores);
		try {
			this.documents.tombstone(userId, erasure.erasureId(), now);
			this.erasures.create(erasure);
		}
		catch (StoreUnavailableException ex) {
			throw ProfileProblem.unavailable("MongoDB did not answer in time; the erasure was not accepted.",
					this.retryAfter);
		}
		this.cache.evict(userId);
		this.executor.execute(() -> run(erasure));
		return erasure;
	}

	/**
	 * An erasure's status.
	 * @param erasureId the erasure
	 * @return the erasure, or null when unknown
	 * @throws ProfileProblem (503) when MongoDB cannot be read
	 */
	ErasureView find(String erasureId) {
		try {
			return this.erasures.find(erasureId);
		}
		catch (StoreUnavailableException ex) {
			throw ProfileProblem.unavailable("MongoDB did not answer in time.", this.retryAfter);
		}
	}

	/**
	 * Runs the erasure's unfinished steps, once it is claimed: every instance retries the
	 * pending erasures, and without the claim two of them would run the same one and
	 * announce it twice.
	 * @param requested the erasure as last read
	 */
	void run(ErasureView requested) {
		Instant now = this.clock.instant();
		ErasureView erasure;
		try {
			erasure = this.erasures.claim(requested.erasureId(), now, now.plus(CLAIM));
		}
		catch (StoreUnavailableException ex) {
			logger.warn("Erasure " + requested.erasureId() + " not claimed, will retry: " + ex.getMessage());
			return;
		}
		if (erasure == null) {
			// finished, or another run holds it
			return;
		}
		try {
			runSteps(erasure);
		}
		finally {
			try {
				this.erasures.release(erasure.erasureId());
			}
			catch (StoreUnavailableException ex) {
				logger.warn("Erasure " + erasure.erasureId() + " not released; its claim lapses: " + ex.getMessage());
			}
		}
	}

	private void runSteps(ErasureView erasure) {
		boolean complete = true;
		for (String step : ErasureView.STEPS) {
			if (erasure.isDone(step)) {
				continue;
			}
			String status = ErasureView.DONE;
			try {
				perform(step, erasure);
			}
			catch (StoreUnavailableException ex) {
				status = ErasureView.FAILED;
				logger.warn("Erasure " + erasure.erasureId() + ": " + step + " failed, will retry: " + ex.getMessage());
			}
			try {
				this.erasures.mark(erasure.erasureId(), step, status);
			}
			catch (StoreUnavailableException ex) {
				logger.warn("Erasure " + erasure.erasureId() + ": could not record " + step + " " + status);
			}
			complete &= ErasureView.DONE.equals(status);
			if (!complete) {
				// the event must not go out before the stores are clean
				return;
			}
		}
		this.erasures.complete(erasure.erasureId(), this.clock.instant());
		this.cache.evict(erasure.userId());
	}

	private void perform(String step, ErasureView erasure) {
		switch (step) {
			case "redis" -> this.hashes.erase(erasure.userId(), erasure.requestedAt());
			case "mongo" -> this.documents.delete(erasure.userId());
			default -> this.changes.publish(erasure.userId(), ChangeKind.DELETED, List.of(), 0, erasure.requestedAt());
		}
	}

	private void retryPending() {
		try {
			for (ErasureView erasure : this.erasures.pending(100)) {
				run(erasure);
			}
		}
		catch (StoreUnavailableException ex) {
			logger.debug("Pending erasures not retried: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.warn("Retrying pending erasures failed", ex);
		}
	}

	void close() {
		this.executor.shutdownNow();
	}

}
