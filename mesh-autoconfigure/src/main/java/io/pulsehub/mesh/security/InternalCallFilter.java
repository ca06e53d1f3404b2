package io.pulsehub.mesh.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls the gateway forwarded: a valid {@link InternalCallSignature} makes
 * the caller the principal the gateway named; anything else stays anonymous and is
 * refused by the chain.
 */
final class InternalCallFilter extends OncePerRequestFilter {

	private final InternalCallSignature signature;

	InternalCallFilter(InternalCallSignature signature) {
		this.signature = signature;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> principal = Optional.empty();
		if (this.signature != null) {
			principal = this.signature.verify(request.getHeader(InternalCallSignature.HEADER), request.getMethod(),
					request.getRequestURI(), request.getHeader(InternalCallSignature.PRINCIPAL_HEADER));
		}
		principal.ifPresent((name) -> SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
					List.of(new SimpleGrantedAuthority("ROLE_GATEWAY")))));
		chain.doFilter(request, response);
	}

}
