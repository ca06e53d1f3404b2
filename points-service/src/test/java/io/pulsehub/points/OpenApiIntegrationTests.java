package io.pulsehub.points;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's OpenAPI document lists every endpoint, with request examples and problem
 * responses.
 */
@PointsIntegrationTest
class OpenApiIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void documentsEveryEndpointWithExamples() {
		HttpResponse<String> response = new PointsApi(this.port).unsigned("GET", "/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode paths = JsonMapper.builder().build().readTree(response.body()).get("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/points/{userId}/earn", "/api/v1/points/{userId}/spend",
				"/api/v1/points/transactions/{transactionId}/reverse", "/api/v1/points/{userId}",
				"/api/v1/points/{userId}/history", "/admin/points/projections/rebuild", "/admin/points/alerts");
		JsonNode earn = paths.get("/api/v1/points/{userId}/earn").get("post");
		assertThat(earn.get("requestBody").toString()).contains("order 981");
		assertThat(earn.get("responses").propertyNames()).contains("201", "400", "409", "422");
		assertThat(earn.get("parameters").toString()).contains("Idempotency-Key");
	}

}
