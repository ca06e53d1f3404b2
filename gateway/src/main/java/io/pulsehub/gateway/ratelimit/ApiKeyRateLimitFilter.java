package io.pulsehub.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.gateway.security.ApiKeyAuthentication;
import io.pulsehub.gateway.security.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits each API key to its token bucket; a call over the limit gets a 429 problem
 * detail with {@code Retry-After} and never reaches a service. Buckets live in this
 * gateway instance's memory.
 */
@Component
class ApiKeyRateLimitFilter implements GlobalFilter, Ordered {

	private final RateLimitProperties properties;

	private final MeterRegistry meters;

	private final LongSupplier clock;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	@Autowired
	ApiKeyRateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
		this(properties, meters, System::nanoTime);
	}

	ApiKeyRateLimitFilter(RateLimitProperties properties, MeterRegistry meters, LongSupplier clock) {
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(ApiKeyAuthentication.class::isInstance)
			.map((principal) -> waitFor(principal.getName()))
			.defaultIfEmpty(0L)
			.flatMap((wait) -> (wait == 0) ? chain.filter(exchange) : refuse(exchange, wait));
	}

	private long waitFor(String keyId) {
		long now = this.clock.getAsLong();
		long wait = this.buckets
			.computeIfAbsent(keyId,
					(id) -> new TokenBucket(this.properties.burst(), this.properties.requestsPerSecond(), now))
			.take(now);
		if (wait > 0) {
			this.meters.counter("pulsehub.gateway.rate.limited", "api_key", keyId).increment();
		}
		return wait;
	}

	private Mono<Void> refuse(ServerWebExchange exchange, long waitNanos) {
		long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
				"Rate limit of this API key exceeded; retry after " + seconds + " s.");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
