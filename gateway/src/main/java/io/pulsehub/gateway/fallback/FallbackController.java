package io.pulsehub.gateway.fallback;

import java.net.URI;
import java.util.LinkedHashSet;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.pulsehub.gateway.security.ProblemResponses;
import io.pulsehub.mesh.web.MeshProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a call its service could not take (no instance,
 * refused, timed out, circuit open): a 503 problem detail naming the service, never a
 * stack trace. Reachable only by forwarding; security refuses it from outside.
 */
@RestController
class FallbackController {

	private static final Logger logger = LoggerFactory.getLogger(FallbackController.class);

	private static final String RETRY_AFTER_SECONDS = "5";

	@RequestMapping("/fallback/{service}")
	Mono<ResponseEntity<ProblemDetail>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		// Why the call failed is for operators, never for the caller.
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (cause instanceof CallNotPermittedException) {
			logger.debug("{} unavailable for {}: circuit open", service, originalPath(exchange));
		}
		else if (cause != null) {
			logger.warn("{} unavailable for {}: {}", service, originalPath(exchange), cause.toString());
		}
		ProblemDetail problem = MeshProblem.detail(HttpStatus.SERVICE_UNAVAILABLE, ProblemResponses.SERVICE_UNAVAILABLE,
				ProblemResponses.title(ProblemResponses.SERVICE_UNAVAILABLE),
				service + " is not available right now; retry later.");
		problem.setInstance(URI.create(originalPath(exchange)));
		problem.setProperty("service", service);
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem));
	}

	private static String originalPath(ServerWebExchange exchange) {
		LinkedHashSet<URI> urls = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
		return (urls == null || urls.isEmpty()) ? exchange.getRequest().getURI().getRawPath()
				: urls.iterator().next().getRawPath();
	}

}
