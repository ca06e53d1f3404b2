package io.pulsehub.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.pulsehub.mesh.web.MeshProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's refusals in the mesh's one problem shape (type
 * {@code urn:pulsehub:problem:<slug>}, a title per type, status, detail: the services'
 * {@link MeshProblem}), and the writer for its filters, where no controller advice runs.
 */
public final class ProblemResponses {

	/** Missing or wrong credentials (401). */
	public static final String UNAUTHORIZED = "unauthorized";

	/** Credentials without the right (403). */
	public static final String FORBIDDEN = "forbidden";

	/** The API key's rate limit is used up (429). */
	public static final String RATE_LIMITED = "rate-limited";

	/** The route's service cannot answer (503). */
	public static final String SERVICE_UNAVAILABLE = "service-unavailable";

	private static final Map<String, String> TITLES = Map.of(UNAUTHORIZED, "Unauthorized", FORBIDDEN, "Forbidden",
			RATE_LIMITED, "Rate limit exceeded", SERVICE_UNAVAILABLE, "Service unavailable");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/**
	 * The title of a problem type.
	 * @param slug one of this class's constants
	 * @return its title
	 */
	public static String title(String slug) {
		return TITLES.get(slug);
	}

	/**
	 * Ends the exchange with a problem detail.
	 * @param exchange the exchange to answer
	 * @param status the status
	 * @param slug the problem type, one of this class's constants
	 * @param detail what went wrong, for the caller
	 * @return completion of the write
	 */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", MeshProblem.TYPE_PREFIX + slug);
		problem.put("title", title(slug));
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getURI().getRawPath());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
