package io.pulsehub.points.query;

import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/points/{userId}} and {@code /history}, served from the read replica.
 */
@RestController
@RequestMapping(path = "/api/v1/points", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Points queries", description = "Balances and ledger history (read replica)")
@ApiResponse(responseCode = "400", description = "Bad user id, page or size",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503",
		description = "points-unavailable: neither pool gave a connection in time or PostgreSQL is down; "
				+ "header Retry-After (seconds)",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
class PointsQueryController {

	static final int MAX_SIZE = 100;

	static final int MAX_PAGE = 10_000;

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}");

	private final PointsQueries queries;

	private final PointsReader reader;

	PointsQueryController(PointsQueries queries, PointsReader reader) {
		this.queries = queries;
		this.reader = reader;
	}

	@Operation(summary = "A user's balance",
			description = "Balance, lifetime earned and spent, and the ledger version, from the replica (from the "
					+ "primary while the replica is down). May trail a just-accepted command by the replica lag.")
	@ApiResponse(responseCode = "200", description = "The account",
			content = @Content(schema = @Schema(implementation = BalanceView.class)))
	@ApiResponse(responseCode = "404", description = "account-not-found: the user never earned points",
			content = @Content(mediaType = "application/problem+json"))
	@GetMapping("/{userId}")
	BalanceView balance(@Parameter(example = "user-42") @PathVariable String userId) {
		requireUserId(userId);
		return this.reader.read(() -> this.queries.balance(userId))
			.orElseThrow(() -> QueryProblem.accountNotFound(userId));
	}

	@Operation(summary = "A user's ledger history", description = "Newest first, pages of 1-100 events.")
	@ApiResponse(responseCode = "200", description = "One page",
			content = @Content(schema = @Schema(implementation = HistoryPage.class)))
	@GetMapping("/{userId}/history")
	HistoryPage history(@Parameter(example = "user-42") @PathVariable String userId,
			@Parameter(example = "0") @RequestParam(defaultValue = "0") int page,
			@Parameter(example = "20") @RequestParam(defaultValue = "20") int size) {
		requireUserId(userId);
		if (page < 0 || page > MAX_PAGE) {
			throw QueryProblem.invalid("page must be between 0 and " + MAX_PAGE);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw QueryProblem.invalid("size must be between 1 and " + MAX_SIZE);
		}
		List<HistoryEntry> rows = this.reader.read(() -> this.queries.history(userId, page * size, size + 1));
		boolean hasMore = rows.size() > size;
		return new HistoryPage(userId, page, size, hasMore ? rows.subList(0, size) : rows, hasMore);
	}

	private static void requireUserId(String userId) {
		if (!USER_ID.matcher(userId).matches()) {
			throw QueryProblem.invalid("userId must be 1-128 letters, digits or . _ : @ + -");
		}
	}

}
