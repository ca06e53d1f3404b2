package io.pulsehub.sync.routing;

import java.time.Clock;
import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.mongodb.MongoException;
import io.pulsehub.contracts.events.SyncRouteOverridden;
import io.pulsehub.sync.admin.SyncProblem;
import io.pulsehub.sync.strategy.StrategyName;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Switches routes at run time: audits the switch, then broadcasts it to every instance.
 */
public class RouteSwitcher {

	private static final Log logger = LogFactory.getLog(RouteSwitcher.class);

	private final SyncRouter router;

	private final RouteOverrides overrides;

	private final RouteAudit audit;

	private final Clock clock;

	public RouteSwitcher(SyncRouter router, RouteOverrides overrides, RouteAudit audit, Clock clock) {
		this.router = router;
		this.overrides = overrides;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Overrides a route's strategy.
	 * @param routeId the route
	 * @param strategy the strategy from now on
	 * @param by the admin principal
	 * @return the route after the switch
	 * @throws SyncProblem 404 for an unknown route, 503 when the audit or the broadcast
	 * failed
	 */
	RouteView override(String routeId, StrategyName strategy, String by) {
		RouteView before = existing(routeId);
		Instant now = this.clock.instant();
		record(new RouteAudit.Entry(routeId, "override", before.strategy().name(), strategy.name(), by, now));
		broadcast(routeId,
				SyncRouteOverridden.newBuilder()
					.setRouteId(routeId)
					.setStrategy(strategy.name())
					.setPreviousStrategy(before.strategy().name())
					.setChangedBy(by)
					.setChangedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
					.build());
		logger.info("Route " + routeId + " switched from " + before.strategy() + " to " + strategy + " by " + by);
		return this.router.route(routeId);
	}

	/**
	 * Puts a route back to its configured strategy.
	 * @param routeId the route
	 * @param by the admin principal
	 * @return the route after the reset
	 * @throws SyncProblem 404 for an unknown route, 503 when the audit or the broadcast
	 * failed
	 */
	RouteView reset(String routeId, String by) {
		RouteView before = existing(routeId);
		if ("override".equals(before.source())) {
			record(new RouteAudit.Entry(routeId, "reset", before.strategy().name(), before.configuredStrategy().name(),
					by, this.clock.instant()));
			broadcast(routeId, null);
			logger.info("Route " + routeId + " back to its configured " + before.configuredStrategy() + " by " + by);
		}
		return this.router.route(routeId);
	}

	private RouteView existing(String routeId) {
		RouteView route = this.router.route(routeId);
		if (route == null) {
			throw SyncProblem.unknownRoute(routeId);
		}
		return route;
	}

	private void record(RouteAudit.Entry entry) {
		try {
			this.audit.record(entry);
		}
		catch (MongoException ex) {
			throw SyncProblem.unavailable("The switch could not be audited (MongoDB): nothing was switched.");
		}
	}

	private void broadcast(String routeId, SyncRouteOverridden override) {
		try {
			this.overrides.publish(routeId, override);
		}
		catch (IllegalStateException ex) {
			throw SyncProblem.unavailable("Kafka did not take the switch; it is audited but not in force.");
		}
	}

}
