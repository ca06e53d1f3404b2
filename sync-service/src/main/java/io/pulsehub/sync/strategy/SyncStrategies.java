package io.pulsehub.sync.strategy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every strategy, by name.
 */
public final class SyncStrategies {

	private final Map<StrategyName, SyncStrategy> byName = new EnumMap<>(StrategyName.class);

	public SyncStrategies(List<SyncStrategy> strategies) {
		strategies.forEach((strategy) -> this.byName.put(strategy.name(), strategy));
		if (this.byName.size() != StrategyName.values().length) {
			throw new IllegalStateException("A strategy is missing: " + this.byName.keySet());
		}
	}

	/**
	 * The strategy of a name.
	 * @param name the name
	 * @return the strategy
	 */
	public SyncStrategy get(StrategyName name) {
		return this.byName.get(name);
	}

}
