package io.pulsehub.profile.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why a profile request was not answered, as an RFC 9457 problem detail.
 */
public final class ProfileProblem extends ErrorResponseException {

	private ProfileProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, problem(status, slug, title, detail), null);
	}

	/**
	 * Bad input, every error listed.
	 * @param errors what is wrong
	 * @return a 400 problem
	 */
	public static ProfileProblem invalid(List<InputError> errors) {
		String summary = errors.stream()
			.map((error) -> error.field() + " " + error.message())
			.collect(Collectors.joining("; "));
		ProfileProblem problem = new ProfileProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The request was not answered: " + summary + ".");
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	/**
	 * A body larger than allowed.
	 * @param maxBytes the limit
	 * @return a 413 problem
	 */
	public static ProfileProblem tooLarge(long maxBytes) {
		return new ProfileProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
				"The request body exceeds " + maxBytes + " bytes.");
	}

	/**
	 * No profile for the user.
	 * @param userId the user
	 * @return a 404 problem
	 */
	public static ProfileProblem notFound(String userId) {
		return new ProfileProblem(HttpStatus.NOT_FOUND, "profile-not-found", "Profile not found",
				"No profile exists for user '" + userId + "'.");
	}

	/**
	 * The user was erased; their profile cannot be written again.
	 * @param userId the user
	 * @return a 410 problem
	 */
	public static ProfileProblem erased(String userId) {
		return new ProfileProblem(HttpStatus.GONE, "profile-erased", "Profile erased",
				"User '" + userId + "' was erased; the profile cannot be recreated.");
	}

	/**
	 * A write lost against concurrent writes too often.
	 * @return a 409 problem
	 */
	public static ProfileProblem conflict() {
		return new ProfileProblem(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
				"The attributes changed concurrently; retry the request.");
	}

	/**
	 * No erasure with that id.
	 * @param erasureId the id asked for
	 * @return a 404 problem
	 */
	public static ProfileProblem erasureNotFound(String erasureId) {
		return new ProfileProblem(HttpStatus.NOT_FOUND, "erasure-not-found", "Erasure not found",
				"No erasure '" + erasureId + "' exists.");
	}

	/**
	 * The stores needed are unreachable or too slow.
	 * @param detail what was unavailable, for a person
	 * @param retryAfter when to retry
	 * @return a 503 problem with Retry-After
	 */
	public static ProfileProblem unavailable(String detail, Duration retryAfter) {
		long seconds = Math.max(1, retryAfter.toSeconds());
		ProfileProblem problem = new ProfileProblem(HttpStatus.SERVICE_UNAVAILABLE, "profile-unavailable",
				"Profile store unavailable", detail + " Retry after " + seconds + " seconds.");
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:pulsehub:problem:" + slug));
		problem.setTitle(title);
		return problem;
	}

}
