package io.pulsehub.sync.strategy;

/**
 * One way of getting a change from Redis into MongoDB. A strategy commits the change's
 * offset (through {@link OffsetCommits}) only once the change is durable: in MongoDB, in
 * the dirty set, or deliberately dropped.
 */
public interface SyncStrategy {

	/**
	 * Which strategy this is.
	 * @return the name
	 */
	StrategyName name();

	/**
	 * Takes a change.
	 * @param change the change
	 * @throws RuntimeException when the change could not be kept anywhere (Redis down);
	 * its offset is then not committed and the record is delivered again
	 */
	void accept(PendingChange change);

}
