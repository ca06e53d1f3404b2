package io.pulsehub.sync.routing;

import java.time.Instant;
import java.util.List;

import io.pulsehub.sync.strategy.StrategyName;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A route as the admin API shows it.
 *
 * @param routeId the route id
 * @param strategy the strategy in force
 * @param source {@code config} or {@code override}
 * @param configuredStrategy the strategy the configuration names
 * @param kinds change kinds it matches (empty: any)
 * @param eventTypes cause event types it matches (empty: any)
 * @param fields changed-field globs (empty: any)
 * @param fieldsMatch {@code ALL} or {@code ANY}
 * @param segments user segments (empty: any)
 * @param overriddenBy who set the override
 * @param overriddenAt when
 */
@Schema(description = "A sync route: what it matches and the strategy in force")
public record RouteView(@Schema(example = "engagement") String routeId, StrategyName strategy,
		@Schema(example = "config", allowableValues = {
				"config", "override" }) String source,
		StrategyName configuredStrategy, List<String> kinds, List<String> eventTypes, List<String> fields,
		String fieldsMatch, List<String> segments, String overriddenBy, Instant overriddenAt){

}
