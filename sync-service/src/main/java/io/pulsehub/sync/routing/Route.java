package io.pulsehub.sync.routing;

import io.pulsehub.sync.strategy.StrategyName;

/**
 * The route a change took.
 *
 * @param id the route id (a rule's or {@code default})
 * @param strategy the strategy in force for it (an override's, else the configured one)
 */
record Route(String id, StrategyName strategy) {

}
