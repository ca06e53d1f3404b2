package io.pulsehub.sync.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.SyncRouteOverridden;
import io.pulsehub.contracts.profile.OfflineFields;
import io.pulsehub.sync.store.RedisProfiles;
import io.pulsehub.sync.strategy.StrategyName;

/**
 * Picks the route of each change: the first configured rule that matches (else the
 * default route), with the strategy an override names, else the configured one.
 */
public class SyncRouter {

	private final RouteTable table;

	private final RouteOverrides overrides;

	private final RedisProfiles redis;

	public SyncRouter(RouteTable table, RouteOverrides overrides, RedisProfiles redis) {
		this.table = table;
		this.overrides = overrides;
		this.redis = redis;
	}

	/**
	 * The route of a change.
	 * @param change the change (not {@code DELETED}: that one is always written through)
	 * @return its route and strategy
	 */
	Route route(ProfileChanged change) {
		RouteTable.Routes routes = this.table.routes();
		Supplier<String> segment = new Supplier<>() {

			private String value;

			private boolean read;

			@Override
			public String get() {
				if (!this.read) {
					this.value = SyncRouter.this.redis.field(change.getUserId(), OfflineFields.SEGMENT_ID);
					this.read = true;
				}
				return this.value;
			}

		};
		for (RouteRule rule : routes.rules()) {
			if (rule.matches(change, segment)) {
				return new Route(rule.id(), effective(rule.id(), rule.strategy()));
			}
		}
		return new Route(RouteTable.DEFAULT_ROUTE, effective(RouteTable.DEFAULT_ROUTE, routes.defaultStrategy()));
	}

	/**
	 * Every route, in matching order, the default last.
	 * @return the routes
	 */
	List<RouteView> routes() {
		RouteTable.Routes routes = this.table.routes();
		List<RouteView> views = new ArrayList<>();
		for (RouteRule rule : routes.rules()) {
			views.add(view(rule.id(), rule.strategy(), rule.kinds().stream().map(Enum::name).sorted().toList(),
					rule.eventTypes().stream().map(Enum::name).sorted().toList(), rule.fields(),
					rule.fieldsMatch().name(), rule.segments().stream().sorted().toList()));
		}
		views.add(view(RouteTable.DEFAULT_ROUTE, routes.defaultStrategy(), List.of(), List.of(), List.of(), null,
				List.of()));
		return views;
	}

	/**
	 * One route.
	 * @param routeId the route id
	 * @return the route, null when there is no such route
	 */
	RouteView route(String routeId) {
		return routes().stream().filter((view) -> view.routeId().equals(routeId)).findFirst().orElse(null);
	}

	private RouteView view(String id, StrategyName configured, List<String> kinds, List<String> eventTypes,
			List<String> fields, String fieldsMatch, List<String> segments) {
		SyncRouteOverridden override = this.overrides.get(id);
		StrategyName overridden = (override != null) ? StrategyName.parse(override.getStrategy()) : null;
		if (overridden == null) {
			return new RouteView(id, configured, "config", configured, kinds, eventTypes, fields, fieldsMatch, segments,
					null, null);
		}
		return new RouteView(id, overridden, "override", configured, kinds, eventTypes, fields, fieldsMatch, segments,
				override.getChangedBy(),
				Instant.ofEpochSecond(override.getChangedAt().getSeconds(), override.getChangedAt().getNanos()));
	}

	private StrategyName effective(String routeId, StrategyName configured) {
		SyncRouteOverridden override = this.overrides.get(routeId);
		StrategyName overridden = (override != null) ? StrategyName.parse(override.getStrategy()) : null;
		return (overridden != null) ? overridden : configured;
	}

}
