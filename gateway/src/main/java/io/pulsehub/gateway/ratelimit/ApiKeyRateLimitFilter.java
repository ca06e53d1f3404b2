package io.pulsehub.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.gateway.security.ApiKeyAuthentication;
import io.pulsehub.gateway.security.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits each API key to its token bucket in Redis; a call over the limit gets a 429
 * problem detail with {@code Retry-After} and never reaches a service. When Redis cannot
 * be asked, calls pass (availability over strictness) and
 * {@code pulsehub.gateway.rate.limiter.unavailable} counts them.
 */
@Component
class ApiKeyRateLimitFilter implements GlobalFilter, Ordered {

	/** The limiter's config id: one bucket per key, whatever the route. */
	private static final String LIMIT = "api-key";

	private final RedisRateLimiter limiter;

	private final MeterRegistry meters;

	private final String retryAfter;

	ApiKeyRateLimitFilter(RedisRateLimiter limiter, RateLimitProperties properties, MeterRegistry meters) {
		this.limiter = limiter;
		this.meters = meters;
		this.retryAfter = Long.toString(Math.max(1, (long) Math.ceil(1.0 / properties.requestsPerSecond())));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(ApiKeyAuthentication.class::isInstance)
			.flatMap((principal) -> this.limiter.isAllowed(LIMIT, principal.getName())
				.map((response) -> decide(exchange, principal.getName(), response)))
			.defaultIfEmpty(true)
			.flatMap((allowed) -> allowed ? chain.filter(exchange) : refuse(exchange));
	}

	private boolean decide(ServerWebExchange exchange, String keyId, RateLimiter.Response response) {
		exchange.getResponse().getHeaders().setAll(response.getHeaders());
		if ("-1".equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) {
			this.meters.counter("pulsehub.gateway.rate.limiter.unavailable").increment();
		}
		if (!response.isAllowed()) {
			this.meters.counter("pulsehub.gateway.rate.limited", "api_key", keyId).increment();
		}
		return response.isAllowed();
	}

	private Mono<Void> refuse(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, this.retryAfter);
		return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemResponses.RATE_LIMITED,
				"Rate limit of this API key exceeded; retry after " + this.retryAfter + " s.");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
