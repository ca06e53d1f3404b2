package io.pulsehub.points.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Turns a request into a command or a 400 listing every bad part; nothing is written for
 * a refused request.
 */
class CommandParser {

	/** The user id format of the whole platform (as ingestion accepts it). */
	static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}");

	static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

	static final int MAX_REASON = 200;

	private final long maxAmount;

	CommandParser(long maxAmount) {
		this.maxAmount = maxAmount;
	}

	PointsCommand command(String userId, EntryType type, String idempotencyKey, JsonNode body) {
		List<PointsProblem.FieldError> errors = new ArrayList<>();
		if (!USER_ID.matcher(userId).matches()) {
			errors.add(new PointsProblem.FieldError("userId", "must be 1-128 letters, digits or . _ : @ + -"));
		}
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			errors.add(new PointsProblem.FieldError("Idempotency-Key", "header is required"));
		}
		else if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			errors.add(new PointsProblem.FieldError("Idempotency-Key", "must be 1-128 letters, digits or . _ : -"));
		}
		long amount = amount(body, errors);
		String reason = reason(body, errors);
		if (!errors.isEmpty()) {
			throw PointsProblem.invalidRequest(errors);
		}
		return new PointsCommand(userId, type, amount, reason, idempotencyKey);
	}

	String reversalReason(JsonNode body) {
		List<PointsProblem.FieldError> errors = new ArrayList<>();
		String reason = reason(body, errors);
		if (!errors.isEmpty()) {
			throw PointsProblem.invalidRequest(errors);
		}
		return reason;
	}

	static UUID transactionId(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw PointsProblem
				.invalidRequest(List.of(new PointsProblem.FieldError("transactionId", "must be a UUID")));
		}
	}

	private long amount(JsonNode body, List<PointsProblem.FieldError> errors) {
		JsonNode node = (body != null && body.isObject()) ? body.get("amount") : null;
		if (node == null || node.isNull()) {
			errors.add(new PointsProblem.FieldError("amount", "is required"));
			return 0;
		}
		if (!node.isNumber()) {
			errors.add(new PointsProblem.FieldError("amount", "must be a JSON number"));
			return 0;
		}
		if (!node.isIntegralNumber()) {
			errors.add(new PointsProblem.FieldError("amount", "must be a whole number of points"));
			return 0;
		}
		if (!node.canConvertToLong() || node.longValue() > this.maxAmount) {
			errors.add(new PointsProblem.FieldError("amount", "must be at most " + this.maxAmount));
			return 0;
		}
		if (node.longValue() <= 0) {
			errors.add(new PointsProblem.FieldError("amount", "must be positive"));
			return 0;
		}
		return node.longValue();
	}

	private static String reason(JsonNode body, List<PointsProblem.FieldError> errors) {
		if (body == null || !body.isObject()) {
			errors.add(new PointsProblem.FieldError("body", "must be a JSON object"));
			return null;
		}
		JsonNode node = body.get("reason");
		if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
			errors.add(new PointsProblem.FieldError("reason", "is required"));
			return null;
		}
		if (!node.isString()) {
			errors.add(new PointsProblem.FieldError("reason", "must be a string"));
			return null;
		}
		if (node.stringValue().length() > MAX_REASON) {
			errors.add(new PointsProblem.FieldError("reason", "must be at most " + MAX_REASON + " characters"));
			return null;
		}
		return node.stringValue();
	}

}
