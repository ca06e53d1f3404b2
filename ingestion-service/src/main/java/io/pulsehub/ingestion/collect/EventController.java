package io.pulsehub.ingestion.collect;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events} and {@code /batch}: JSON in, {@code 202} once Kafka
 * acknowledged.
 */
@RestController
@RequestMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE,
		produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Events", description = "Collect user activity events")
@ApiResponse(responseCode = "400",
		description = "Malformed JSON, duplicate keys, or invalid events (every bad "
				+ "field listed); nothing was accepted",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "413", description = "Body over 1 MB; nothing was accepted",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "415", description = "Not application/json",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503",
		description = "Kafka did not acknowledge in time; nothing was accepted. "
				+ "Retry after Retry-After seconds with the same eventIds",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
class EventController {

	private final JsonBodyReader reader;

	private final EventParser parser;

	private final EventCollector collector;

	private final int maxBatch;

	EventController(JsonBodyReader reader, EventParser parser, EventCollector collector, CollectProperties limits) {
		this.reader = reader;
		this.parser = parser;
		this.collector = collector;
		this.maxBatch = limits.maxBatch();
	}

	@Operation(summary = "Collect one event",
			description = "Answers 202 only after every in-sync Kafka replica has the event.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = EventJson.class))))
	@ApiResponse(responseCode = "202", description = "Accepted: on Kafka")
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	CollectResult collect(InputStream body, HttpServletRequest request) {
		JsonNode event = this.reader.read(body, request.getContentLengthLong());
		return this.collector.collect(List.of(this.parser.parse(event, request.getRemoteAddr())), false);
	}

	@Operation(summary = "Collect a batch of events",
			description = "Accepts the valid events and lists each rejected one with its errors; answers 202 when "
					+ "at least one event was accepted.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = EventJson.Batch.class))))
	@ApiResponse(responseCode = "202", description = "At least one event accepted; the rest are in 'rejected'")
	@PostMapping("/batch")
	@ResponseStatus(HttpStatus.ACCEPTED)
	CollectResult collectBatch(InputStream body, HttpServletRequest request) {
		JsonNode batch = this.reader.read(body, request.getContentLengthLong());
		JsonNode events = events(batch);
		List<ParsedEvent> parsed = new ArrayList<>(events.size());
		for (JsonNode event : events) {
			parsed.add(this.parser.parse(event, request.getRemoteAddr()));
		}
		return this.collector.collect(parsed, true);
	}

	private JsonNode events(JsonNode batch) {
		if (!batch.isObject() || batch.size() != 1 || !batch.has("events")) {
			throw CollectProblem.badRequest("A batch is a JSON object with one field, 'events'.");
		}
		JsonNode events = batch.get("events");
		if (!events.isArray() || events.isEmpty() || events.size() > this.maxBatch) {
			throw CollectProblem.badRequest("'events' must be an array of 1 to " + this.maxBatch + " events.");
		}
		return events;
	}

}
