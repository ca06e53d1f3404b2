package io.pulsehub.sync.routing;

import java.time.Instant;

import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.profile.ProfileSection;
import io.pulsehub.sync.store.MongoUnavailableException;
import io.pulsehub.sync.store.ProfileDocuments;
import io.pulsehub.sync.strategy.ChangeOffset;
import io.pulsehub.sync.strategy.DirtyUsers;
import io.pulsehub.sync.strategy.PendingChange;
import io.pulsehub.sync.strategy.StrategyName;
import io.pulsehub.sync.strategy.SyncMetrics;
import io.pulsehub.sync.strategy.SyncStrategies;
import io.pulsehub.sync.strategy.WriteBehindBuffer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Hands each change to its strategy: {@code DELETED} always deletes the document at once
 * (and drops the user from the buffer and the dirty set); anything else takes its route,
 * degraded from WRITE_THROUGH / WRITE_BEHIND to SCHEDULED while MongoDB is unhealthy.
 */
public class ChangeDispatcher {

	private static final Log logger = LogFactory.getLog(ChangeDispatcher.class);

	private final SyncRouter router;

	private final SyncStrategies strategies;

	private final MongoHealth mongo;

	private final ProfileDocuments documents;

	private final WriteBehindBuffer buffer;

	private final DirtyUsers dirty;

	private final SyncMetrics metrics;

	public ChangeDispatcher(SyncRouter router, SyncStrategies strategies, MongoHealth mongo, ProfileDocuments documents,
			WriteBehindBuffer buffer, DirtyUsers dirty, SyncMetrics metrics) {
		this.router = router;
		this.strategies = strategies;
		this.mongo = mongo;
		this.documents = documents;
		this.buffer = buffer;
		this.dirty = dirty;
		this.metrics = metrics;
	}

	/**
	 * Routes one change.
	 * @param change the change
	 * @param offset where it was read
	 */
	public void dispatch(ProfileChanged change, ChangeOffset offset) {
		String userId = change.getUserId();
		Instant changedAt = change.hasChangedAt()
				? Instant.ofEpochSecond(change.getChangedAt().getSeconds(), change.getChangedAt().getNanos())
				: this.documents.now();
		if (change.getKind() == ChangeKind.DELETED) {
			delete(userId, changedAt);
			this.buffer.completed(offset);
			return;
		}
		ProfileSection section = ProfileSection.of(change.getKind());
		if (userId.isEmpty() || section == null) {
			this.metrics.unreadable();
			this.buffer.completed(offset);
			return;
		}
		StrategyName strategy = this.router.route(change).strategy();
		if ((strategy == StrategyName.WRITE_THROUGH || strategy == StrategyName.WRITE_BEHIND)
				&& this.mongo.degraded()) {
			this.metrics.degraded(strategy);
			strategy = StrategyName.SCHEDULED;
		}
		this.metrics.routed(strategy);
		this.strategies.get(strategy).accept(new PendingChange(userId, section, changedAt, offset));
	}

	private void delete(String userId, Instant changedAt) {
		this.buffer.remove(userId);
		this.dirty.remove(userId);
		try {
			this.documents.delete(userId);
			this.metrics.deleted();
		}
		catch (MongoUnavailableException ex) {
			// the drainer finds the user erased in Redis and deletes the document then
			logger.warn("Deleting the document of erased user " + userId + " failed; left to the drainer: "
					+ ex.getMessage());
			this.dirty.mark(userId, changedAt);
		}
	}

}
