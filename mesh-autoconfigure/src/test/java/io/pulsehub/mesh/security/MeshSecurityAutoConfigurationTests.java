package io.pulsehub.mesh.security;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = MeshSecurityAutoConfigurationTests.ServiceShell.class,
		properties = { "pulsehub.security.admin.username=ops", "pulsehub.security.admin.password=ops-password",
				"pulsehub.security.internal.secret=" + MeshSecurityAutoConfigurationTests.SECRET,
				"pulsehub.ping.path=/api/v1/things/ping", "spring.application.name=things-service",
				"eureka.client.enabled=false",
				// a shell without MongoDB and Redis (their clients are on this module's
				// classpath for MeshMongoAutoConfiguration and
				// MeshRedisAutoConfiguration;
				// their health checks would report DOWN)
				"spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
						+ "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"management.endpoints.web.exposure.include=health,info,prometheus,env,metrics" })
@AutoConfigureMockMvc
class MeshSecurityAutoConfigurationTests {

	static final String SECRET = "test-internal-secret-0123456789";

	private final InternalCallSignature gateway = new InternalCallSignature(SECRET, Duration.ofSeconds(30),
			Clock.systemUTC());

	@Autowired
	private MockMvcTester mvc;

	@Test
	void leavesHealthAndInfoOpen() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/info")).hasStatusOk();
	}

	@Test
	void keepsOtherActuatorEndpointsBehindTheAdminLogin() {
		assertThat(this.mvc.get().uri("/actuator/env")).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"PulseHub\"");
		assertThat(this.mvc.get().uri("/actuator/env").with(basic("ops", "wrong"))).hasStatus(401);
		assertThat(this.mvc.get().uri("/actuator/env").with(basic("ops", "ops-password"))).hasStatusOk();
	}

	@Test
	void refusesApiCallsTheGatewayDidNotSign() {
		assertThat(this.mvc.get().uri("/api/v1/things/who")).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(401);
		assertThat(this.mvc.get().uri("/api/v1/things/who")).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("urn:pulsehub:problem:unauthorized");
		assertThat(this.mvc.get().uri("/api/v1/things/who").with(basic("ops", "ops-password"))).hasStatus(401);
		assertThat(this.mvc.get()
			.uri("/api/v1/things/who")
			.header(InternalCallSignature.HEADER, this.gateway.sign("GET", "/api/v1/things/other", "dev"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "dev")).hasStatus(401);
	}

	@Test
	void acceptsSignedCallsAsThePrincipalTheGatewayNamed() {
		assertThat(this.mvc.get()
			.uri("/api/v1/things/who")
			.header(InternalCallSignature.HEADER, this.gateway.sign("GET", "/api/v1/things/who", "dev"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "dev")).hasStatusOk().hasBodyTextEqualTo("dev");
	}

	@Test
	void answersTheRoutingProbeWithTheServiceName() {
		assertThat(this.mvc.get()
			.uri("/api/v1/things/ping")
			.header(InternalCallSignature.HEADER, this.gateway.sign("GET", "/api/v1/things/ping", "dev"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "dev")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.service")
			.isEqualTo("things-service");
	}

	@Test
	void refusesEverythingOutsideApiAdminActuatorAndDocs() {
		assertThat(this.mvc.get().uri("/internal/anything")).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void echoesTheRequestIdAndMakesOneUpWhenMissing() {
		assertThat(this.mvc.get().uri("/actuator/health").header("X-Request-Id", "abc-123")).hasHeader("X-Request-Id",
				"abc-123");
		assertThat(this.mvc.get().uri("/actuator/health")).headers().containsHeader("X-Request-Id");
		assertThat(this.mvc.get()
			.uri("/actuator/health")
			.header("X-Request-Id", "bad id\n")
			.exchange()
			.getResponse()
			.getHeader("X-Request-Id")).hasSize(36);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(String user,
			String password) {
		return (request) -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			return request;
		};
	}

	@SpringBootApplication
	static class ServiceShell {

		@RestController
		static class WhoController {

			@GetMapping("/api/v1/things/who")
			String who(Principal principal) {
				return principal.getName();
			}

		}

	}

}
