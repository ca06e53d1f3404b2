package io.pulsehub.sync.strategy;

/**
 * The ways a profile change reaches MongoDB.
 */
public enum StrategyName {

	/** One guarded upsert per change before its offset is committed. */
	WRITE_THROUGH,

	/** Coalesced per user, flushed by size or time as one bulk write. */
	WRITE_BEHIND,

	/** Marked dirty in Redis; the single active drainer syncs it. */
	SCHEDULED,

	/** Not persisted. */
	SKIP;

	/**
	 * The strategy of a name, case-insensitively.
	 * @param name e.g. {@code write_behind}
	 * @return the strategy, null when there is none of that name
	 */
	public static StrategyName parse(String name) {
		if (name == null) {
			return null;
		}
		for (StrategyName strategy : values()) {
			if (strategy.name().equalsIgnoreCase(name.trim())) {
				return strategy;
			}
		}
		return null;
	}

}
