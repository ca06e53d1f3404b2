package io.pulsehub.points.projection;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON answers of the points API in tests.
 */
final class LedgerJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LedgerJson() {
	}

	static JsonNode read(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String transactionId(HttpResponse<String> response) {
		return read(response).get("transactionId").stringValue();
	}

}
