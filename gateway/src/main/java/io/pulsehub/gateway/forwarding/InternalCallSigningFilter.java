package io.pulsehub.gateway.forwarding;

import java.security.Principal;

import io.pulsehub.mesh.security.InternalCallSignature;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Signs every forwarded call for the principal the gateway authenticated, and strips what
 * must not reach a service: the caller's own credentials and any internal headers the
 * caller tried to forge.
 */
class InternalCallSigningFilter implements GlobalFilter, Ordered {

	private final InternalCallSignature signature;

	InternalCallSigningFilter(InternalCallSignature signature) {
		this.signature = signature;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.map(Principal::getName)
			.map((principal) -> forward(exchange, principal))
			.defaultIfEmpty(forward(exchange, null))
			.flatMap(chain::filter);
	}

	private ServerWebExchange forward(ServerWebExchange exchange, String principal) {
		ServerHttpRequest original = exchange.getRequest();
		ServerHttpRequest request = original.mutate().headers((headers) -> {
			headers.remove(HttpHeaders.AUTHORIZATION);
			headers.remove("X-Api-Key");
			headers.remove(HttpHeaders.COOKIE);
			headers.remove(InternalCallSignature.HEADER);
			headers.remove(InternalCallSignature.PRINCIPAL_HEADER);
			if (principal != null && this.signature != null) {
				headers.set(InternalCallSignature.PRINCIPAL_HEADER, principal);
				headers.set(InternalCallSignature.HEADER,
						this.signature.sign(original.getMethod().name(), original.getURI().getRawPath(), principal));
			}
		}).build();
		return exchange.mutate().request(request).build();
	}

	@Override
	public int getOrder() {
		// After the route's own filters have rewritten the path the service will see.
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
	}

}
