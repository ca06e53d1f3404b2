package io.pulsehub.points.query;

import io.pulsehub.mesh.web.MeshProblem;

import org.springframework.http.HttpStatus;

/**
 * Why a points query was refused, as an RFC 9457 problem detail.
 */
final class QueryProblem extends MeshProblem {

	private QueryProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static QueryProblem accountNotFound(String userId) {
		return new QueryProblem(HttpStatus.NOT_FOUND, "account-not-found", "No points account",
				"User " + userId + " has no points ledger yet.");
	}

	static QueryProblem invalid(String detail) {
		return new QueryProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

}
