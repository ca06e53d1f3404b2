package io.pulsehub.profile.trending;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/trending}: the items with the most engagement over a recent window.
 */
@RestController
@RequestMapping(path = "/api/v1/trending", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Trending", description = "Items with the most engagement right now")
class TrendingController {

	private static final String EXAMPLE = """
			{"window":"1h","asOf":"2026-01-15T10:42:07Z","items":[
			  {"rank":1,"itemId":"sku-1","score":42.0},
			  {"rank":2,"itemId":"sku-7","score":17.0}]}""";

	private static final String INVALID_EXAMPLE = """
			{"type":"urn:pulsehub:problem:invalid-parameters","title":"Invalid parameters","status":400,
			 "detail":"The request was not answered: window must be one of: 1h; limit must be an integer from 1 to 200.",
			 "instance":"/api/v1/trending","errors":[
			  {"parameter":"window","code":"unsupported","message":"must be one of: 1h"},
			  {"parameter":"limit","code":"out_of_range","message":"must be an integer from 1 to 200"}]}""";

	private final TrendingReader reader;

	private final TrendingMetrics metrics;

	TrendingController(TrendingReader reader, TrendingMetrics metrics) {
		this.reader = reader;
		this.metrics = metrics;
	}

	@Operation(summary = "Trending items",
			description = "The items with the most engagement over the window, highest score first, as the "
					+ "stream-processor last refreshed them (every 5 seconds by default; asOf says when).")
	@ApiResponse(responseCode = "200", description = "The top of the board; no items when it does not exist yet",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TrendingView.class),
					examples = @ExampleObject(name = "top two", value = EXAMPLE)))
	@ApiResponse(responseCode = "400",
			description = "Unsupported window or limit out of 1..200; every bad parameter is listed in 'errors'",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(name = "bad window and limit", value = INVALID_EXAMPLE)))
	@ApiResponse(responseCode = "503",
			description = "Redis is unreachable or did not answer within 500 ms; retry after Retry-After seconds",
			headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
					schema = @Schema(type = "integer")),
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@Parameter(name = "window", description = "The window engagement is counted over",
			schema = @Schema(type = "string", allowableValues = "1h", defaultValue = TrendingQuery.DEFAULT_WINDOW))
	@Parameter(name = "limit", description = "How many items, from the top",
			schema = @Schema(type = "integer", minimum = "1", maximum = "200",
					defaultValue = TrendingQuery.DEFAULT_LIMIT))
	@GetMapping
	TrendingView trending(@RequestParam(defaultValue = TrendingQuery.DEFAULT_WINDOW) String window,
			@RequestParam(defaultValue = TrendingQuery.DEFAULT_LIMIT) String limit) {
		// Both parameters arrive as text, so a non-number is refused with the other
		// parameter's errors instead of as a lone type mismatch.
		try {
			TrendingView view = this.reader.read(TrendingQuery.parse(window, limit));
			this.metrics.answered(TrendingMetrics.OK);
			return view;
		}
		catch (TrendingProblem ex) {
			this.metrics.answered(ex.outcome());
			throw ex;
		}
	}

}
