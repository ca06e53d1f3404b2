package io.pulsehub.gateway.forwarding;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every call an {@code X-Request-Id} (the caller's when it is sane, a new UUID
 * otherwise), passes it on to the service and returns it to the caller once, refusals
 * included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
		String requestId = (presented != null && ACCEPTABLE.matcher(presented).matches()) ? presented
				: UUID.randomUUID().toString();
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, requestId))
			.build();
		// Set just before the response is committed, so it replaces the service's copy of
		// the header that the response picks up on the way back.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, requestId);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

}
