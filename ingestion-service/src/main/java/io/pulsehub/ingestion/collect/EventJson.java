package io.pulsehub.ingestion.collect;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The JSON of one activity event, as documented in OpenAPI; {@link EventParser} reads it
 * field by field so that every bad field is reported.
 *
 * @param eventId the idempotency key
 * @param userId whose event it is
 * @param type what happened
 * @param occurredAt when it happened
 * @param sessionId the app's session
 * @param itemId the item involved
 * @param pageUrl the page it happened on
 * @param userAgent the client's user agent
 * @param ip the end user's address
 * @param amountMinor purchase amount in minor units
 * @param currency ISO 4217 currency of the amount
 * @param properties free, bounded extra data
 */
@Schema(name = "Event", description = "One user activity event. Unknown fields are refused.")
record EventJson(
		@Schema(description = "Idempotency key: resending an event with the same id never creates a second event "
				+ "downstream. 1-64 letters, digits and . _ : - ; generated when absent.",
				example = "0f8e5a52-8a57-4c2e-9a3e-1b7f0f1d2c3a") String eventId,
		@Schema(description = "1-128 letters, digits and . _ : @ + - , starting with a letter or digit.",
				example = "user-42", requiredMode = RequiredMode.REQUIRED) String userId,
		@Schema(description = "Event type.", requiredMode = RequiredMode.REQUIRED, allowableValues = {
				"PAGE_VIEW", "CLICK", "IMPRESSION", "ADD_TO_CART", "PURCHASE", "SEARCH", "LOGIN", "SIGNUP" },
				example = "PURCHASE") String type,
		@Schema(description = "ISO-8601 date-time with offset; at most 5 minutes in the future and not older "
				+ "than the horizon (30 days by default). The receive time when absent.",
				example = "2026-11-23T08:15:30Z") String occurredAt,
		@Schema(description = "At most 128 characters.", example = "s-81") String sessionId,
		@Schema(description = "At most 128 characters.", example = "sku-1234") String itemId,
		@Schema(description = "At most 2048 characters.", example = "https://shop.example/sku-1234") String pageUrl,
		@Schema(description = "At most 1024 characters.",
				example = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)") String userAgent,
		@Schema(description = "IPv4 or IPv6 literal; the caller's address when absent. Truncated before it is "
				+ "stored anywhere (IPv4 /24, IPv6 /48).", example = "203.0.113.7") String ip,
		@Schema(description = "Amount in minor units (cents); required for PURCHASE, never negative.",
				example = "1999") Long amountMinor,
		@Schema(description = "ISO 4217 code; required with an amount.", example = "EUR") String currency,
		@Schema(description = "At most 50 entries; names start with a letter (letters, digits, _ . -, at most 64); "
				+ "values are text, numbers or booleans of at most 512 characters.") Map<String, Object> properties){

	/**
	 * A batch of events.
	 *
	 * @param events the events, 1 to 500
	 */
	@Schema(name = "EventBatch", description = "1 to 500 events; each is accepted or rejected on its own.")
	record Batch(@Schema(requiredMode = RequiredMode.REQUIRED) List<EventJson> events) {
	}

}
