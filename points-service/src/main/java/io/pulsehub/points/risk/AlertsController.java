package io.pulsehub.points.risk;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/points/alerts}: the latest risk alerts, for operators.
 */
@RestController
@Tag(name = "Points admin", description = "Operate the points ledger (admin only)")
class AlertsController {

	static final int MAX_LIMIT = 500;

	private final RiskAlerts alerts;

	AlertsController(RiskAlerts alerts) {
		this.alerts = alerts;
	}

	@Operation(summary = "List recent risk alerts", description = "Newest first; limit is clamped to 1-500.")
	@ApiResponse(responseCode = "200", description = "The alerts",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = AlertView.class))))
	@GetMapping(path = "/admin/points/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
	List<AlertView> alerts(@Parameter(example = "50") @RequestParam(defaultValue = "100") int limit) {
		return this.alerts.recent(Math.clamp(limit, 1, MAX_LIMIT));
	}

}
