package io.pulsehub.sync.admin;

import java.time.Duration;

import io.pulsehub.mesh.web.MeshProblem;

import org.springframework.http.HttpStatus;

/**
 * Why a sync admin request was refused, as an RFC 9457 problem detail.
 */
public final class SyncProblem extends MeshProblem {

	private SyncProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
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
		problem.retryAfter(Duration.ofSeconds(5));
		return problem;
	}

}
