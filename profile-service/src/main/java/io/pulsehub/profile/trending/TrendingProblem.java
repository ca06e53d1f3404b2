package io.pulsehub.profile.trending;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.pulsehub.mesh.web.MeshProblem;

import org.springframework.http.HttpStatus;

/**
 * Why a trending request was not answered, as an RFC 9457 problem detail, with the
 * outcome it is counted under.
 */
final class TrendingProblem extends MeshProblem {

	private final String outcome;

	private TrendingProblem(HttpStatus status, String slug, String title, String detail, String outcome) {
		super(status, slug, title, detail);
		this.outcome = outcome;
	}

	static TrendingProblem invalidParameters(List<ParameterError> errors) {
		String summary = errors.stream()
			.map((error) -> error.parameter() + " " + error.message())
			.collect(Collectors.joining("; "));
		TrendingProblem problem = new TrendingProblem(HttpStatus.BAD_REQUEST, "invalid-parameters",
				"Invalid parameters", "The request was not answered: " + summary + ".", TrendingMetrics.INVALID);
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	static TrendingProblem unavailable(Duration retryAfter) {
		long seconds = retryAfterSeconds(retryAfter);
		TrendingProblem problem = new TrendingProblem(HttpStatus.SERVICE_UNAVAILABLE, "trending-unavailable",
				"Trending items unavailable",
				"The trending store is unreachable or did not answer in time; retry after " + seconds + " seconds.",
				TrendingMetrics.UNAVAILABLE);
		problem.retryAfter(retryAfter);
		return problem;
	}

	/** The {@code outcome} tag the refused request is counted under. */
	String outcome() {
		return this.outcome;
	}

}
