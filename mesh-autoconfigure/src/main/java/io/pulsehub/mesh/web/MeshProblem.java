package io.pulsehub.mesh.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused request as an RFC 9457 problem detail of PulseHub's shape: type
 * {@code urn:pulsehub:problem:<slug>}, a title, the status and a detail for a person.
 * Each service's problems ({@code ProfileProblem}, {@code PointsProblem}, ...) extend it
 * with named factories; handlers that answer with a {@link ProblemDetail} directly use
 * {@link #detail}.
 */
public abstract class MeshProblem extends ErrorResponseException {

	/** What every PulseHub problem type starts with. */
	public static final String TYPE_PREFIX = "urn:pulsehub:problem:";

	protected MeshProblem(HttpStatusCode status, String slug, String title, String detail) {
		super(status, detail(status, slug, title, detail), null);
	}

	/**
	 * A problem detail of PulseHub's shape.
	 * @param status the status
	 * @param slug the type's last part, e.g. {@code profile-not-found}
	 * @param title a short summary of the type
	 * @param detail this occurrence, for a person
	 * @return the problem detail
	 */
	public static ProblemDetail detail(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Tells the client when to try again ({@code Retry-After}, whole seconds, at least
	 * one).
	 * @param after how long to wait
	 */
	protected final void retryAfter(Duration after) {
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(after)));
	}

	/**
	 * The {@code Retry-After} value for a wait: whole seconds, at least one.
	 * @param after how long to wait
	 * @return the seconds
	 */
	public static long retryAfterSeconds(Duration after) {
		return Math.max(1, after.toSeconds());
	}

}
