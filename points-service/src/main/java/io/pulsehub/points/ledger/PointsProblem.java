package io.pulsehub.points.ledger;

import java.util.List;
import java.util.UUID;

import io.pulsehub.mesh.web.MeshProblem;

import org.springframework.http.HttpStatus;

/**
 * Why a points command was refused, as an RFC 9457 problem detail of type
 * {@code urn:pulsehub:problem:<slug>}.
 */
final class PointsProblem extends MeshProblem {

	private PointsProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static PointsProblem invalidRequest(List<FieldError> errors) {
		PointsProblem problem = new PointsProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"Nothing was written: " + String.join("; ", errors.stream().map(FieldError::summary).toList()) + ".");
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	static PointsProblem insufficientPoints(String detail) {
		return new PointsProblem(HttpStatus.CONFLICT, "insufficient-points", "Insufficient points", detail);
	}

	static PointsProblem riskRejected(String ruleId, String detail) {
		PointsProblem problem = new PointsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "risk-rejected",
				"Rejected by risk control", detail);
		problem.getBody().setProperty("ruleId", ruleId);
		return problem;
	}

	static PointsProblem idempotencyKeyReused() {
		return new PointsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"Idempotency-Key reused with another request",
				"This Idempotency-Key was first used with a different user, operation, amount or reason; "
						+ "use a new key for a new command.");
	}

	static PointsProblem concurrentModification(String userId) {
		return new PointsProblem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
				"The account of " + userId + " kept changing under this command; nothing was written. "
						+ "Retry with the same Idempotency-Key.");
	}

	static PointsProblem transactionNotFound(UUID transactionId) {
		return new PointsProblem(HttpStatus.NOT_FOUND, "transaction-not-found", "Transaction not found",
				"No ledger transaction " + transactionId + " exists.");
	}

	static PointsProblem alreadyReversed(UUID transactionId) {
		return new PointsProblem(HttpStatus.CONFLICT, "already-reversed", "Transaction already reversed",
				"Transaction " + transactionId + " was already compensated; nothing was written.");
	}

	static PointsProblem notReversible(UUID transactionId) {
		return new PointsProblem(HttpStatus.CONFLICT, "not-reversible", "Transaction not reversible",
				"Transaction " + transactionId + " is itself a reversal; reversals are not reversed.");
	}

	/**
	 * One bad part of a request.
	 *
	 * @param field the JSON field, path variable or header
	 * @param message what is wrong with it
	 */
	record FieldError(String field, String message) {

		String summary() {
			return this.field + " " + this.message;
		}

	}

}
