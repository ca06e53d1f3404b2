package io.pulsehub.points.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/points/{userId}/earn}, {@code /spend} and
 * {@code /transactions/{txId}/reverse}.
 */
@RestController
@RequestMapping(path = "/api/v1/points", consumes = MediaType.APPLICATION_JSON_VALUE,
		produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Points commands", description = "Earn, spend and reverse loyalty points")
@ApiResponse(responseCode = "400",
		description = "Malformed JSON, bad user id, missing Idempotency-Key, amount missing, not a whole "
				+ "positive number or absurdly large (every bad field listed); nothing was written",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject("""
						{"type":"urn:pulsehub:problem:invalid-request","title":"Invalid request","status":400,
						 "detail":"Nothing was written: amount must be a whole number of points.",
						 "errors":[{"field":"amount","message":"must be a whole number of points"}]}""")))
@ApiResponse(responseCode = "503",
		description = "points-unavailable: no database connection in time (a burst beyond the pool) or "
				+ "PostgreSQL down; nothing was applied. Retry after Retry-After seconds with the same "
				+ "Idempotency-Key",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject("""
						{"type":"urn:pulsehub:problem:points-unavailable","title":"Points store unavailable",
						 "status":503,"detail":"The points database did not answer in time ..."}""")))
class PointsCommandController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private final CommandParser parser;

	private final PointsLedger ledger;

	private final Reversals reversals;

	PointsCommandController(CommandParser parser, PointsLedger ledger, Reversals reversals) {
		this.parser = parser;
		this.ledger = ledger;
		this.reversals = reversals;
	}

	@Operation(summary = "Earn points",
			description = "Credits points once per Idempotency-Key: repeating the same request answers the "
					+ "original result (header Idempotent-Replayed: true) and changes nothing.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject("{\"amount\": 120, \"reason\": \"order 981\"}"))))
	@ApiResponse(responseCode = "201", description = "Applied (or the replay of an applied request)",
			content = @Content(schema = @Schema(implementation = TransactionView.class)))
	@ApiResponse(responseCode = "409", description = "concurrent-modification: retry with the same key",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422",
			description = "risk-rejected (with ruleId) or idempotency-key-reused (same key, other request)",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject("""
					{"type":"urn:pulsehub:problem:risk-rejected","title":"Rejected by risk control",
					 "status":422,"detail":"More than 20 earns in a minute","ruleId":"velocity"}""")))
	@PostMapping("/{userId}/earn")
	ResponseEntity<TransactionView> earn(@Parameter(example = "user-42") @PathVariable String userId,
			@Parameter(example = "order-981-points") @RequestHeader(name = IDEMPOTENCY_KEY,
					required = false) String key,
			@RequestBody JsonNode body) {
		return answer(this.ledger.execute(this.parser.command(userId, EntryType.EARNED, key, body)));
	}

	@Operation(summary = "Spend points",
			description = "Debits points once per Idempotency-Key; never drives the balance below zero.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject("{\"amount\": 50, \"reason\": \"voucher\"}"))))
	@ApiResponse(responseCode = "201", description = "Applied (or the replay of an applied request)",
			content = @Content(schema = @Schema(implementation = TransactionView.class)))
	@ApiResponse(responseCode = "409",
			description = "insufficient-points (the balance does not cover it) or concurrent-modification",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject("""
					{"type":"urn:pulsehub:problem:insufficient-points","title":"Insufficient points",
					 "status":409,"detail":"The balance of 30 points does not cover 50; nothing was written."}""")))
	@ApiResponse(responseCode = "422", description = "risk-rejected or idempotency-key-reused",
			content = @Content(mediaType = "application/problem+json"))
	@PostMapping("/{userId}/spend")
	ResponseEntity<TransactionView> spend(@Parameter(example = "user-42") @PathVariable String userId,
			@Parameter(example = "voucher-77") @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
			@RequestBody JsonNode body) {
		return answer(this.ledger.execute(this.parser.command(userId, EntryType.SPENT, key, body)));
	}

	@Operation(summary = "Reverse a transaction",
			description = "Compensates an earn or a spend with a REVERSED event; the original stays in the ledger.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject("{\"reason\": \"order cancelled\"}"))))
	@ApiResponse(responseCode = "201", description = "Compensated",
			content = @Content(schema = @Schema(implementation = TransactionView.class)))
	@ApiResponse(responseCode = "404", description = "transaction-not-found",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409",
			description = "already-reversed, not-reversible (a reversal), or insufficient-points (earned "
					+ "points already spent)",
			content = @Content(mediaType = "application/problem+json"))
	@PostMapping("/transactions/{transactionId}/reverse")
	ResponseEntity<TransactionView> reverse(
			@Parameter(example = "0b6f3c1e-6a51-4f0e-9d3c-3f6a2b7c9e10") @PathVariable String transactionId,
			@RequestBody JsonNode body) {
		LedgerEvent event = this.reversals.reverse(CommandParser.transactionId(transactionId),
				this.parser.reversalReason(body));
		return ResponseEntity.status(HttpStatus.CREATED).body(TransactionView.of(event));
	}

	private static ResponseEntity<TransactionView> answer(CommandResult result) {
		return switch (result) {
			case CommandResult.Applied applied -> ResponseEntity.status(HttpStatus.CREATED)
				.header(REPLAYED, Boolean.toString(applied.replayed()))
				.body(TransactionView.of(applied.event()));
			case CommandResult.Insufficient insufficient ->
				throw PointsProblem.insufficientPoints(insufficient.detail());
			case CommandResult.RiskRejected rejected ->
				throw PointsProblem.riskRejected(rejected.ruleId(), rejected.detail());
		};
	}

}
