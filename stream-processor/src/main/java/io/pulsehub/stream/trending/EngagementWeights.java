package io.pulsehub.stream.trending;

import java.util.EnumMap;
import java.util.Map;

import io.pulsehub.contracts.events.EventType;

/**
 * How much one event of each type adds to an item's engagement; types without a weight
 * add nothing.
 *
 * @param weights weight by event type
 */
public record EngagementWeights(Map<EventType, Integer> weights) {

	public EngagementWeights {
		weights = Map.copyOf(weights);
	}

	/**
	 * The defaults: a view 1, a click 3, an add-to-cart 5, a purchase 10.
	 * @return the weights
	 */
	public static EngagementWeights defaults() {
		Map<EventType, Integer> weights = new EnumMap<>(EventType.class);
		weights.put(EventType.PAGE_VIEW, 1);
		weights.put(EventType.CLICK, 3);
		weights.put(EventType.ADD_TO_CART, 5);
		weights.put(EventType.PURCHASE, 10);
		return new EngagementWeights(weights);
	}

	/**
	 * The weight of one event type.
	 * @param type the type
	 * @return its weight, 0 when it does not count
	 */
	public int of(EventType type) {
		return this.weights.getOrDefault(type, 0);
	}

}
