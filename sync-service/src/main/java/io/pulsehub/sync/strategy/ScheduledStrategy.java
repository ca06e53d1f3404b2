package io.pulsehub.sync.strategy;

/**
 * Marks the user dirty in Redis and commits; the drainer syncs dirty users later.
 */
public class ScheduledStrategy implements SyncStrategy {

	private final DirtyUsers dirty;

	private final WriteBehindBuffer commits;

	public ScheduledStrategy(DirtyUsers dirty, WriteBehindBuffer commits) {
		this.dirty = dirty;
		this.commits = commits;
	}

	@Override
	public StrategyName name() {
		return StrategyName.SCHEDULED;
	}

	@Override
	public void accept(PendingChange change) {
		this.dirty.mark(change.userId(), change.changedAt());
		this.commits.completed(change.offset());
	}

}
