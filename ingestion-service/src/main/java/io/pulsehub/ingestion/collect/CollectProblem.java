package io.pulsehub.ingestion.collect;

import java.time.Duration;
import java.util.List;

import io.pulsehub.mesh.web.MeshProblem;

import org.springframework.http.HttpStatus;

/**
 * Why a collection request was refused, as an RFC 9457 problem detail; nothing of a
 * refused request reached Kafka unless the body's {@code rejected} list says otherwise.
 */
final class CollectProblem extends MeshProblem {

	private CollectProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, slug, title, detail);
	}

	static CollectProblem invalidEvent(ParsedEvent event) {
		CollectProblem problem = new CollectProblem(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid event",
				"The event was not accepted: " + summary(event.errors()) + ".");
		problem.getBody().setProperty("errors", event.errors());
		return problem;
	}

	static CollectProblem nothingAccepted(List<RejectedEvent> rejected) {
		CollectProblem problem = new CollectProblem(HttpStatus.BAD_REQUEST, "invalid-batch", "Invalid batch",
				"No event of the batch was accepted; each one's errors are listed in 'rejected'.");
		problem.getBody().setProperty("rejected", rejected);
		return problem;
	}

	static CollectProblem badRequest(String detail) {
		return new CollectProblem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
	}

	static CollectProblem tooLarge(long maxBytes) {
		return new CollectProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
				"The request body exceeds " + maxBytes + " bytes; send fewer events per batch.");
	}

	static CollectProblem kafkaUnavailable(String detail, Duration retryAfter, List<RejectedEvent> rejected) {
		CollectProblem problem = new CollectProblem(HttpStatus.SERVICE_UNAVAILABLE, "events-not-acknowledged",
				"Events not acknowledged", detail);
		problem.retryAfter(retryAfter);
		if (!rejected.isEmpty()) {
			problem.getBody().setProperty("rejected", rejected);
		}
		return problem;
	}

	private static String summary(List<EventError> errors) {
		return String.join("; ",
				errors.stream()
					.map((error) -> (error.field() != null) ? error.field() + " " + error.message() : error.message())
					.toList());
	}

}
