package io.pulsehub.profile.trending;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trending API on a real Redis server, configured by the real {@code config-repo}
 * files (among them the Redis command timeout that bounds a read).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.config.import=file:../config-repo/application.yml,file:../config-repo/profile-service.yml",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"pulsehub.security.internal.secret=" + TrendingApi.SECRET })
@LocalStackTest(services = Service.REDIS)
class TrendingIntegrationTests {

	private static final String PATH = "/api/v1/trending";

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MeterRegistry meters;

	private TrendingApi api;

	@BeforeEach
	void emptyTheBoard() {
		this.api = new TrendingApi(this.port);
		this.redis.delete(List.of(RedisLayout.TRENDING_ITEMS_1H, RedisLayout.TRENDING_ITEMS_1H_AS_OF));
	}

	@Test
	void answersTheTopItemsHighestScoreFirstWithTheRefreshTime() throws Exception {
		seed(30);
		Instant asOf = Instant.parse("2026-01-15T10:42:07.123Z");
		this.redis.opsForValue().set(RedisLayout.TRENDING_ITEMS_1H_AS_OF, asOf.toString());
		HttpResponse<String> response = this.api.get(PATH, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.window")).isEqualTo("1h");
		assertThat(Instant.parse(JsonPath.read(response.body(), "$.asOf"))).isEqualTo(asOf);
		List<Map<String, Object>> items = JsonPath.read(response.body(), "$.items");
		assertThat(items).hasSize(20);
		assertThat(items.get(0)).containsEntry("rank", 1)
			.containsEntry("itemId", "sku-30")
			.containsEntry("score", 300.0);
		assertThat(items.get(19)).containsEntry("rank", 20).containsEntry("itemId", "sku-11");
		assertThat(items).extracting((item) -> (Double) item.get("score"))
			.isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void answersAtMostTheLimitAndNoMoreThanTheBoardHolds() throws Exception {
		seed(30);
		HttpResponse<String> three = this.api.get(PATH, "window=1h&limit=3");
		assertThat((List<String>) JsonPath.read(three.body(), "$.items[*].itemId")).containsExactly("sku-30", "sku-29",
				"sku-28");
		HttpResponse<String> all = this.api.get(PATH, "limit=200");
		assertThat((List<Integer>) JsonPath.read(all.body(), "$.items[*].rank")).hasSize(30).endsWith(30);
	}

	@Test
	void answersAnEmptyBoardWithoutRefreshTimeBeforeTheFirstRefresh() throws Exception {
		HttpResponse<String> response = this.api.get(PATH, "limit=5");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"window\":\"1h\",\"asOf\":null,\"items\":[]}");
	}

	@Test
	void refusesBadParametersListingEachOne() throws Exception {
		HttpResponse<String> response = this.api.get(PATH, "window=15m&limit=0");
		assertProblem(response, 400);
		assertThat((String) JsonPath.read(response.body(), "$.type"))
			.isEqualTo("urn:pulsehub:problem:invalid-parameters");
		assertThat((List<String>) JsonPath.read(response.body(), "$.errors[*].parameter")).containsExactly("window",
				"limit");
		assertProblem(this.api.get(PATH, "limit=lots"), 400);
	}

	@Test
	void refusesCallsTheGatewayDidNotSign() throws Exception {
		assertProblem(this.api.getUnsigned(PATH), 401);
	}

	@Test
	void answersServiceUnavailableQuicklyWhileRedisIsDown() throws Exception {
		seed(3);
		assertThat(this.api.get(PATH, null).statusCode()).isEqualTo(200);
		double before = unavailableCount();
		LocalStack.redis().stop();
		try {
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = this.api.get(PATH, null);
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertProblem(response, 503);
				assertThat((String) JsonPath.read(response.body(), "$.type"))
					.isEqualTo("urn:pulsehub:problem:trending-unavailable");
				assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
				// bounded by the 500 ms command timeout; generous for a busy 2-core
				// machine,
				// far from Lettuce's 60 s default
				assertThat(took).isLessThan(Duration.ofSeconds(3));
			}
		}
		finally {
			LocalStack.redis().start();
		}
		assertThat(unavailableCount() - before).isEqualTo(3);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(this.api.get(PATH, null).statusCode()).isEqualTo(200));
	}

	@Test
	void answersServiceUnavailableWithinTheCommandTimeoutWhileRedisIsSlow() throws Exception {
		seed(3);
		// a warm request first, so only Redis's pause is measured below
		assertThat(this.api.get(PATH, null).statusCode()).isEqualTo(200);
		pauseRedis(Duration.ofSeconds(5));
		long start = System.nanoTime();
		HttpResponse<String> response = this.api.get(PATH, null);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertProblem(response, 503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		// the 500 ms command timeout ended the wait, not Redis waking up after 5 s
		assertThat(took).isLessThan(Duration.ofSeconds(3));
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(this.api.get(PATH, null).statusCode()).isEqualTo(200));
	}

	@Test
	void describesTheEndpointInTheApiDocument() throws Exception {
		HttpResponse<String> document = this.api.getUnsigned("/v3/api-docs");
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat((Map<String, Object>) JsonPath.read(document.body(), "$.paths['/api/v1/trending'].get.responses"))
			.containsKeys("200", "400", "503");
		assertThat((List<String>) JsonPath.read(document.body(),
				"$.paths['/api/v1/trending'].get.parameters[?(@.name == 'limit')].schema.type"))
			.containsExactly("integer");
		assertThat((Map<String, Object>) JsonPath.read(document.body(), "$.paths"))
			.containsKey("/api/v1/profiles/_ping");
	}

	/** Items {@code sku-1} to {@code sku-n}, each scored ten times its number. */
	private void seed(int count) {
		for (int i = 1; i <= count; i++) {
			this.redis.opsForZSet().add(RedisLayout.TRENDING_ITEMS_1H, "sku-" + i, i * 10.0);
		}
	}

	/** Makes Redis hold every client's commands, as a stalled server would. */
	private static void pauseRedis(Duration pause) {
		RedisClient client = RedisClient.create(LocalStack.redis().url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().clientPause(pause.toMillis());
		}
		finally {
			client.shutdown();
		}
	}

	private double unavailableCount() {
		return this.meters.counter("pulsehub.profile.trending.requests", "outcome", "unavailable").count();
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
	}

}
