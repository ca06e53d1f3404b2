package io.pulsehub.profile.core;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.pulsehub.mesh.web.MeshProblem;

import org.springframework.http.HttpStatus;

/**
 * Why a profile request was not answered, as an RFC 9457 problem detail.
 */
public final class ProfileProblem extends MeshProblem {

	private ProfileProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
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
		long seconds = retryAfterSeconds(retryAfter);
		ProfileProblem problem = new ProfileProblem(HttpStatus.SERVICE_UNAVAILABLE, "profile-unavailable",
				"Profile store unavailable", detail + " Retry after " + seconds + " seconds.");
		problem.retryAfter(retryAfter);
		return problem;
	}

}
