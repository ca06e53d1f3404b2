package io.pulsehub.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on its own (no registry, no services; a real Redis for the rate limit): who
 * gets in, and what a caller sees when the service behind a route is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"pulsehub.security.admin.username=ops", "pulsehub.security.admin.password=ops-password",
				"pulsehub.security.internal.secret=test-internal-secret-0123456789",
				"pulsehub.gateway.api-keys[0].id=test",
				"pulsehub.gateway.api-keys[0].sha256=" + GatewayIntegrationTests.KEY_HASH,
				"pulsehub.gateway.rate-limit.requests-per-second=1", "pulsehub.gateway.rate-limit.burst=3",
				// as config-repo/application.yml exposes them
				"management.endpoints.web.exposure.include=health,info,prometheus,metrics,loggers,env",
				// as config-repo/gateway.yml sets them
				"spring.data.redis.timeout=250ms", "management.health.redis.enabled=false" })
@AutoConfigureWebTestClient
@LocalStackTest(services = Service.REDIS)
class GatewayIntegrationTests {

	static final String KEY = "test-key";

	static final String KEY_HASH = "62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef";

	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

	@Autowired
	private WebTestClient web;

	@LocalServerPort
	private int port;

	@Autowired
	private BulkheadRegistry bulkheads;

	@Autowired
	private MeterRegistry meters;

	@Test
	void storesTheTestKeyAsItsSha256() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8));
		assertThat(HexFormat.of().formatHex(digest)).isEqualTo(KEY_HASH);
	}

	@Test
	void refusesApiCallsWithoutAKeyAsProblemDetail() {
		this.web.get()
			.uri("/api/v1/profiles/u1")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.type")
			.isEqualTo("urn:pulsehub:problem:unauthorized")
			.jsonPath("$.title")
			.isEqualTo("Unauthorized")
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/profiles/u1");
	}

	@Test
	void refusesAWrongKey() {
		this.web.get()
			.uri("/api/v1/profiles/u1")
			.header("X-Api-Key", "wrong")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void keepsAnsweringOnOneKeepAliveConnectionAfterRefusals() throws Exception {
		// reactor-netty 1.3.6 stopped reading a keep-alive connection now and then when a
		// request arrived while a refused one was still completing (reactor-netty#4361)
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		URI uri = URI.create("http://localhost:" + this.port + "/api/v1/profiles/u1");
		for (int i = 0; i < 1500; i++) {
			HttpRequest wrongKey = HttpRequest.newBuilder(uri)
				.header("X-Api-Key", "wrong")
				.timeout(ANSWER_WITHIN)
				.build();
			HttpRequest noKey = HttpRequest.newBuilder(uri).timeout(ANSWER_WITHIN).build();
			assertThat(client.send(wrongKey, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
			assertThat(client.send(noKey, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void letsMoreThanTwentyFiveCallsToOneServiceRunAtOnce() {
		// Spring Cloud CircuitBreaker's default bulkhead (25) sent the 26th concurrent
		// call to
		// the fallback; the routes' bulkheads take their size from resilience4j.bulkhead
		assertThat(this.bulkheads.bulkhead("ingestion-service").getBulkheadConfig().getMaxConcurrentCalls())
			.isEqualTo(1024);
	}

	@Test
	void answersServiceUnavailableProblemWhenNoInstanceIsRegistered() {
		this.web.get()
			.uri("/admin/sync/routes")
			.headers((headers) -> headers.setBasicAuth("ops", "ops-password"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:pulsehub:problem:service-unavailable")
			.jsonPath("$.service")
			.isEqualTo("sync-service")
			.jsonPath("$.instance")
			.isEqualTo("/admin/sync/routes");
	}

	@Test
	void refusesAdminRoutesWithoutTheAdminLogin() {
		this.web.get()
			.uri("/admin/sync/routes")
			.header("X-Api-Key", KEY)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Basic realm=\"PulseHub\"");
	}

	@Test
	void keepsTheFallbackAndUnknownPathsClosedFromOutside() {
		this.web.get()
			.uri("/fallback/profile-service")
			.headers((headers) -> headers.setBasicAuth("ops", "ops-password"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:pulsehub:problem:forbidden");
		this.web.get().uri("/anything").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void exposesOnlyHealthInfoAndPrometheusWithoutLoginAndNeverTheGatewayEndpoint() {
		this.web.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		this.web.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/actuator/gateway/routes")
			.headers((headers) -> headers.setBasicAuth("ops", "ops-password"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void opensNoWebSessionForAnyCall() {
		// Opening an in-memory session hops to the bounded-elastic and then the parallel
		// scheduler; Spring Security's default request cache did it for every call.
		int before = SessionCounting.OPENED.get();
		this.web.get().uri("/api/v1/points/u3").header("X-Api-Key", KEY).exchange();
		this.web.get().uri("/api/v1/profiles/u1").exchange().expectStatus().isUnauthorized();
		this.web.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/admin/sync/routes")
			.headers((headers) -> headers.setBasicAuth("ops", "ops-password"))
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(SessionCounting.OPENED.get()).isEqualTo(before);
	}

	@Test
	void recordsCallsButNotTheSecurityFiltersOfEachCall() {
		this.web.get().uri("/api/v1/profiles/u1").exchange().expectStatus().isUnauthorized();
		assertThat(this.meters.find("http.server.requests").tag("status", "401").timers()).isNotEmpty();
		assertThat(this.meters.getMeters()).extracting(Meter::getId)
			.extracting(Meter.Id::getName)
			.noneMatch((name) -> name.startsWith("spring.security"));
	}

	@Test
	void givesEveryResponseARequestId() {
		this.web.get().uri("/actuator/health").exchange().expectHeader().exists("X-Request-Id");
		this.web.get()
			.uri("/actuator/health")
			.header("X-Request-Id", "trace-7")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "trace-7");
	}

	@Test
	void limitsEachApiKeyWithRetryAfter() {
		// burst 3, refilled at 1/s: well within 20 quick calls the key runs dry
		int status = 0;
		for (int i = 0; i < 20 && status != 429; i++) {
			status = this.web.get()
				.uri("/api/v1/points/u1")
				.header("X-Api-Key", KEY)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
		}
		assertThat(status).isEqualTo(429);
		this.web.get()
			.uri("/api/v1/points/u1")
			.header("X-Api-Key", KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:pulsehub:problem:rate-limited");
	}

	@Test
	void letsCallsPassWhileRedisIsDownRatherThanFailThem() {
		LocalStack.redis().stop();
		try {
			for (int i = 0; i < 6; i++) {
				this.web.get()
					.uri("/api/v1/points/u2")
					.header("X-Api-Key", KEY)
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectHeader()
					.valueEquals("X-RateLimit-Remaining", "-1");
			}
		}
		finally {
			LocalStack.redis().start();
		}
	}

	/**
	 * Counts the web sessions any part of the gateway asks for (the exchange creates the
	 * session's Mono eagerly; only a subscription opens one).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SessionCounting {

		static final AtomicInteger OPENED = new AtomicInteger();

		@Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
		WebSessionManager webSessionManager() {
			DefaultWebSessionManager sessions = new DefaultWebSessionManager();
			return (exchange) -> Mono.defer(() -> {
				OPENED.incrementAndGet();
				return sessions.getSession(exchange);
			});
		}

	}

}
