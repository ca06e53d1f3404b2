package io.pulsehub.sync.admin;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why a sync admin request was refused, as an RFC 9457 problem detail.
 */
public final class SyncProblem extends ErrorResponseException {

	private SyncProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, problem(status, slug, title, detail), null);
	}

	/**
	 * No route of that id.
	 * @param routeId the id asked for
	 * @return a 404
	 */
	public static SyncProblem unknownRoute(String routeId) {
		return new SyncProblem(HttpStatus.NOT_FOUND, "unknown-route", "Unknown route",
				"There is no route '" + routeId + "'; GET /admin/sync/routes lists them.");
	}

	/**
	 * A bad request body or parameter.
	 * @param detail what is wrong
	 * @return a 400
	 */
	public static SyncProblem invalid(String detail) {
		return new SyncProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

	/**
	 * A store did not answer.
	 * @param detail what failed
	 * @return a 503
	 */
	public static SyncProblem unavailable(String detail) {
		SyncProblem problem = new SyncProblem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
				detail);
		problem.getHeaders().set("Retry-After", "5");
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:pulsehub:problem:" + slug));
		problem.setTitle(title);
		return problem;
	}

}
