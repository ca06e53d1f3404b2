package io.pulsehub.mesh.security;

import java.io.IOException;

import io.pulsehub.mesh.web.MeshProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.access.AccessDeniedException;

/**
 * Answers refused requests with an RFC 9457 problem detail instead of an empty body or a
 * login page.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final String detail;

	private final String challenge;

	ProblemAuthenticationEntryPoint(String detail, String challenge) {
		this.detail = detail;
		this.challenge = challenge;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (this.challenge != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
		}
		write(response, HttpStatus.UNAUTHORIZED, "unauthorized", this.detail, request.getRequestURI());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(response, HttpStatus.FORBIDDEN, "forbidden", "Access is denied.", request.getRequestURI());
	}

	private static void write(HttpServletResponse response, HttpStatus status, String slug, String detail,
			String instance) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// the mesh's problem shape (MeshProblem), titled like the gateway's refusals
		response.getWriter()
			.write("{\"type\":\"" + MeshProblem.TYPE_PREFIX + slug + "\",\"title\":\"" + status.getReasonPhrase()
					+ "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
					+ escape(instance) + "\"}");
	}

	private static String escape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
