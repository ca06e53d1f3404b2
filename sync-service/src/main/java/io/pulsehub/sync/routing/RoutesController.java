package io.pulsehub.sync.routing;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import com.mongodb.MongoException;
import io.pulsehub.sync.admin.AdminParameters;
import io.pulsehub.sync.admin.SyncProblem;
import io.pulsehub.sync.strategy.StrategyName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/sync/routes} and {@code /admin/sync/audit}: the routes in force, run-time
 * switches (on every instance, surviving restarts) and their audit.
 */
@RestController
@Tag(name = "Sync admin", description = "Operate the Redis-to-MongoDB sync (admin only)")
class RoutesController {

	private final SyncRouter router;

	private final RouteSwitcher switcher;

	private final RouteAudit audit;

	RoutesController(SyncRouter router, RouteSwitcher switcher, RouteAudit audit) {
		this.router = router;
		this.switcher = switcher;
		this.audit = audit;
	}

	@Operation(summary = "The routes in force",
			description = "Every route in matching order (the default last), with the strategy in force and its "
					+ "source: config, or override (a run-time switch).")
	@GetMapping(path = "/admin/sync/routes", produces = MediaType.APPLICATION_JSON_VALUE)
	List<RouteView> routes() {
		return this.router.routes();
	}

	@Operation(summary = "Switch a route's strategy at run time",
			description = "Takes effect for the next change on every instance, survives restarts, and is audited.")
	@ApiResponse(responseCode = "200", description = "Switched")
	@ApiResponse(responseCode = "400", description = "Unknown or missing strategy")
	@ApiResponse(responseCode = "404", description = "Unknown route")
	@PutMapping(path = "/admin/sync/routes/{routeId}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	RouteView override(@PathVariable String routeId, @RequestBody StrategyRequest request, Principal principal) {
		StrategyName strategy = StrategyName.parse((request != null) ? request.strategy() : null);
		if (strategy == null) {
			throw SyncProblem.invalid("strategy must be one of " + Arrays.toString(StrategyName.values()) + ".");
		}
		return this.switcher.override(routeId, strategy, principal.getName());
	}

	@Operation(summary = "Put a route back to its configured strategy", description = "Audited when it was overridden.")
	@ApiResponse(responseCode = "200", description = "Back to config")
	@ApiResponse(responseCode = "404", description = "Unknown route")
	@DeleteMapping(path = "/admin/sync/routes/{routeId}", produces = MediaType.APPLICATION_JSON_VALUE)
	RouteView reset(@PathVariable String routeId, Principal principal) {
		return this.switcher.reset(routeId, principal.getName());
	}

	@Operation(summary = "Route switches, latest first")
	@ApiResponse(responseCode = "400", description = "limit out of range")
	@GetMapping(path = "/admin/sync/audit", produces = MediaType.APPLICATION_JSON_VALUE)
	List<RouteAudit.Entry> audit(@RequestParam(defaultValue = "50") String limit) {
		int count = AdminParameters.intIn("limit", limit, 1, 500);
		try {
			return this.audit.latest(count);
		}
		catch (MongoException ex) {
			throw SyncProblem.unavailable("MongoDB did not answer.");
		}
	}

	/**
	 * The body of a switch.
	 *
	 * @param strategy one of WRITE_THROUGH, WRITE_BEHIND, SCHEDULED, SKIP
	 */
	record StrategyRequest(@Schema(example = "WRITE_BEHIND", allowableValues = {
			"WRITE_THROUGH", "WRITE_BEHIND", "SCHEDULED", "SKIP" }) String strategy){

	}

}
