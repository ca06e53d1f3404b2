package io.pulsehub.profile.trending;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The trending API's web layer: parameters, response shape and problem details. The
 * gateway signature is the mesh's concern (and {@code TrendingIntegrationTests}'), so the
 * security filters are left out here.
 */
@WebMvcTest(controllers = TrendingController.class,
		properties = { "spring.mvc.problemdetails.enabled=true", "spring.cloud.config.enabled=false",
				"eureka.client.enabled=false" })
@AutoConfigureMockMvc(addFilters = false)
class TrendingControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SimpleMeterRegistry meters;

	@MockitoBean
	private TrendingReader reader;

	@BeforeEach
	void forgetCounts() {
		this.meters.clear();
	}

	@Test
	void answersTheTopItemsOfTheOneHourBoardByDefault() {
		given(this.reader.read(new TrendingQuery(TrendingWindow.ONE_HOUR, 20)))
			.willReturn(new TrendingView("1h", Instant.parse("2026-01-15T10:42:07Z"),
					List.of(new TrendingItem(1, "sku-1", 42.0), new TrendingItem(2, "sku-7", 17.5))));
		assertThat(this.mvc.get().uri("/api/v1/trending")).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("""
					{"window":"1h","asOf":"2026-01-15T10:42:07Z","items":[
					  {"rank":1,"itemId":"sku-1","score":42.0},
					  {"rank":2,"itemId":"sku-7","score":17.5}]}""");
		assertThat(outcomes("ok")).isEqualTo(1);
	}

	@Test
	void answersAnEmptyBoardWithANullRefreshTime() {
		given(this.reader.read(new TrendingQuery(TrendingWindow.ONE_HOUR, 5)))
			.willReturn(new TrendingView("1h", null, List.of()));
		assertThat(this.mvc.get().uri("/api/v1/trending?window=1h&limit=5")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"window\":\"1h\",\"asOf\":null,\"items\":[]}");
	}

	@Test
	void refusesEveryBadParameterInOneProblemDetailWithoutReadingRedis() {
		assertThat(this.mvc.get().uri("/api/v1/trending?window=24h&limit=abc")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"type":"urn:pulsehub:problem:invalid-parameters","status":400,"errors":[
					  {"parameter":"window","code":"unsupported","message":"must be one of: 1h"},
					  {"parameter":"limit","code":"invalid","message":"must be an integer from 1 to 200"}]}""");
		assertThat(this.mvc.get().uri("/api/v1/trending?limit=201")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].code")
			.asArray()
			.containsExactly("out_of_range");
		assertThat(this.mvc.get().uri("/api/v1/trending?limit=0")).hasStatus(400);
		then(this.reader).should(never()).read(any());
		assertThat(outcomes("invalid")).isEqualTo(3);
	}

	@Test
	void answersServiceUnavailableWithRetryAfterWhenRedisDoesNot() {
		given(this.reader.read(any())).willThrow(TrendingProblem.unavailable(TrendingReader.RETRY_AFTER));
		assertThat(this.mvc.get().uri("/api/v1/trending")).hasStatus(503)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("Retry-After", "5")
			.bodyJson()
			.isLenientlyEqualTo("{\"type\":\"urn:pulsehub:problem:trending-unavailable\",\"status\":503}");
		assertThat(outcomes("unavailable")).isEqualTo(1);
	}

	private double outcomes(String outcome) {
		return this.meters.counter("pulsehub.profile.trending.requests", "outcome", outcome).count();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		TrendingMetrics trendingMetrics(SimpleMeterRegistry registry) {
			return new TrendingMetrics(registry);
		}

	}

}
