package io.pulsehub.sync.strategy;

import java.util.Map;
import java.util.Set;

import io.pulsehub.sync.store.MongoUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One guarded upsert per change, before its offset is committed; when MongoDB fails the
 * change goes to the dirty set instead, so consumption does not stall and nothing is
 * lost.
 */
public class WriteThroughStrategy implements SyncStrategy {

	private static final Log logger = LogFactory.getLog(WriteThroughStrategy.class);

	private final ProfileSync sync;

	private final DirtyUsers dirty;

	private final WriteBehindBuffer commits;

	private final SyncMetrics metrics;

	public WriteThroughStrategy(ProfileSync sync, DirtyUsers dirty, WriteBehindBuffer commits, SyncMetrics metrics) {
		this.sync = sync;
		this.dirty = dirty;
		this.commits = commits;
		this.metrics = metrics;
	}

	@Override
	public StrategyName name() {
		return StrategyName.WRITE_THROUGH;
	}

	@Override
	public void accept(PendingChange change) {
		try {
			this.sync.sync(Map.of(change.userId(), Set.of(change.section())),
					Map.of(change.userId(), change.changedAt()), StrategyName.WRITE_THROUGH);
		}
		catch (MongoUnavailableException ex) {
			logger.warn("Write-through of " + change.userId() + " failed, degraded to SCHEDULED: " + ex.getMessage());
			this.metrics.degraded(StrategyName.WRITE_THROUGH);
			this.dirty.mark(change.userId(), change.changedAt());
		}
		this.commits.completed(change.offset());
	}

}
