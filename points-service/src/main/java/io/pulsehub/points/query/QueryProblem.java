package io.pulsehub.points.query;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why a points query was refused, as an RFC 9457 problem detail.
 */
final class QueryProblem extends ErrorResponseException {

	private QueryProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, problem(status, slug, title, detail), null);
	}

	static QueryProblem accountNotFound(String userId) {
		return new QueryProblem(HttpStatus.NOT_FOUND, "account-not-found", "No points account",
				"User " + userId + " has no points ledger yet.");
	}

	static QueryProblem invalid(String detail) {
		return new QueryProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:pulsehub:problem:" + slug));
		problem.setTitle(title);
		return problem;
	}

}
