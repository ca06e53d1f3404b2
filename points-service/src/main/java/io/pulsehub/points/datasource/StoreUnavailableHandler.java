package io.pulsehub.points.datasource;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.mesh.web.MeshProblem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * PostgreSQL did not answer in time: no free connection within the pool's
 * {@code connection-timeout} (every connection busy under a burst), the server down, or a
 * statement timed out. A 503 problem {@code points-unavailable} with {@code Retry-After},
 * not a 500: the transaction rolled back, and a command repeated with the same
 * Idempotency-Key is applied at most once. Counted as
 * {@code pulsehub.points.store.unavailable{exception}}.
 */
@RestControllerAdvice
class StoreUnavailableHandler {

	private static final Log logger = LogFactory.getLog(StoreUnavailableHandler.class);

	static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final MeterRegistry registry;

	StoreUnavailableHandler(MeterRegistry registry) {
		this.registry = registry;
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		this.registry.counter("pulsehub.points.store.unavailable", "exception", ex.getClass().getSimpleName())
			.increment();
		logger.warn("Points store unavailable, answered 503: " + ex.getMessage());
		ProblemDetail problem = MeshProblem.detail(HttpStatus.SERVICE_UNAVAILABLE, "points-unavailable",
				"Points store unavailable",
				"The points database did not answer in time (no free connection, server down or a statement "
						+ "timed out); the request was not completed and no command was applied. Retry after "
						+ RETRY_AFTER.toSeconds() + " second(s) with the same Idempotency-Key: a command is "
						+ "applied at most once.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(MeshProblem.retryAfterSeconds(RETRY_AFTER)))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
