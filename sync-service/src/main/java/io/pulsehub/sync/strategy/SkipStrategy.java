package io.pulsehub.sync.strategy;

/**
 * Persists nothing: for ephemeral fields that MongoDB need not keep.
 */
public class SkipStrategy implements SyncStrategy {

	private final WriteBehindBuffer commits;

	public SkipStrategy(WriteBehindBuffer commits) {
		this.commits = commits;
	}

	@Override
	public StrategyName name() {
		return StrategyName.SKIP;
	}

	@Override
	public void accept(PendingChange change) {
		this.commits.completed(change.offset());
	}

}
