package io.pulsehub.sync.strategy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pulsehub.contracts.profile.ProfileSection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Syncs the dirty users every {@code drainInterval}, oldest first, in batches of
 * {@code drainBatch}, on the one instance that holds the drainer's lock. A batch MongoDB
 * refuses goes back to the dirty set and the drainer tries again next time (so it catches
 * up once MongoDB is back).
 */
public class DirtyDrainer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DirtyDrainer.class);

	private static final int MAX_BATCHES_PER_RUN = 20;

	private final DirtyUsers dirty;

	private final ProfileSync sync;

	private final SyncMetrics metrics;

	private final SchedulingProperties properties;

	private final String owner = UUID.randomUUID().toString();

	private ScheduledExecutorService timer;

	public DirtyDrainer(DirtyUsers dirty, ProfileSync sync, SyncMetrics metrics, SchedulingProperties properties) {
		this.dirty = dirty;
		this.sync = sync;
		this.metrics = metrics;
		this.properties = properties;
	}

	/**
	 * One drain run: up to a few batches while this instance holds the lock.
	 * @return users synced
	 */
	public int drain() {
		int synced = 0;
		this.sync.probe();
		try {
			for (int i = 0; i < MAX_BATCHES_PER_RUN
					&& this.dirty.lock(this.owner, this.properties.drainLockTtl()); i++) {
				Map<String, Instant> claimed = this.dirty.claim(this.properties.drainBatch());
				if (claimed.isEmpty()) {
					break;
				}
				try {
					Map<String, Set<ProfileSection>> sections = new LinkedHashMap<>();
					claimed.keySet().forEach((user) -> sections.put(user, ProfileSync.ALL));
					this.sync.sync(sections, claimed, StrategyName.SCHEDULED);
					this.dirty.done(claimed.keySet());
					synced += claimed.size();
				}
				catch (RuntimeException ex) {
					this.dirty.release();
					logger.warn(
							"Draining " + claimed.size() + " dirty users failed; they stay dirty: " + ex.getMessage());
					break;
				}
			}
			this.metrics.dirtyBacklog(this.dirty.size());
		}
		catch (RuntimeException ex) {
			logger.warn("Drainer could not reach Redis: " + ex.getMessage());
		}
		return synced;
	}

	@Override
	public void start() {
		long every = Math.max(1, this.properties.drainInterval().toMillis());
		this.timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sync-drainer").factory());
		this.timer.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.timer.shutdownNow();
		this.timer = null;
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

}
