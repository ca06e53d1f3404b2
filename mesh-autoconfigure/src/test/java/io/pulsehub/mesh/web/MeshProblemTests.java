package io.pulsehub.mesh.web;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class MeshProblemTests {

	@Test
	void carriesTypeTitleStatusAndDetailOfPulseHubsShape() {
		TestProblem problem = new TestProblem(HttpStatus.NOT_FOUND, "thing-not-found", "Thing not found",
				"No thing 'a'.");
		assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(problem.getBody().getType()).isEqualTo(URI.create("urn:pulsehub:problem:thing-not-found"));
		assertThat(problem.getBody().getTitle()).isEqualTo("Thing not found");
		assertThat(problem.getBody().getStatus()).isEqualTo(404);
		assertThat(problem.getBody().getDetail()).isEqualTo("No thing 'a'.");
		assertThat(problem.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
	}

	@Test
	void roundsRetryAfterToWholeSecondsOfAtLeastOne() {
		TestProblem problem = new TestProblem(HttpStatus.SERVICE_UNAVAILABLE, "down", "Down", "Try later.");
		problem.retryIn(Duration.ofMillis(300));
		assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		problem.retryIn(Duration.ofMillis(5_900));
		assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
	}

	@Test
	void buildsABareProblemDetailForHandlers() {
		assertThat(MeshProblem.detail(HttpStatus.CONFLICT, "clash", "Clash", "It clashed.").getType())
			.isEqualTo(URI.create("urn:pulsehub:problem:clash"));
	}

	private static final class TestProblem extends MeshProblem {

		TestProblem(HttpStatus status, String slug, String title, String detail) {
			super(status, slug, title, detail);
		}

		void retryIn(Duration after) {
			retryAfter(after);
		}

	}

}
