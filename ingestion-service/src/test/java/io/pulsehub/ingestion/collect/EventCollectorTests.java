package io.pulsehub.ingestion.collect;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class EventCollectorTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final EventPublisher publisher = mock(EventPublisher.class);

	private final EventCollector collector = new EventCollector(this.publisher, new CollectMetrics(this.registry));

	@Test
	void reportsEventsKafkaDidNotAcknowledgeWithTheirIdsSoTheyCanBeResent() {
		given(this.publisher.publish(anyList())).willReturn(new boolean[] { true, false });
		CollectResult result = this.collector.collect(List.of(valid("e-1"), invalid(), valid("e-2")), true);
		assertThat(result.accepted()).isEqualTo(1);
		assertThat(result.eventIds()).containsExactly("e-1");
		assertThat(result.rejected()).extracting(RejectedEvent::index).containsExactly(1, 2);
		assertThat(result.rejected().get(1).eventId()).isEqualTo("e-2");
		assertThat(result.rejected().get(1).errors()).extracting(EventError::code).containsExactly("not_acknowledged");
		assertThat(this.registry.get("pulsehub.ingestion.events.accepted").tag("type", "CLICK").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("pulsehub.ingestion.events.rejected")
			.tag("reason", "userId.missing")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void answersServiceUnavailableWhenKafkaAcknowledgedNothing() {
		given(this.publisher.publish(anyList())).willReturn(new boolean[] { false });
		given(this.publisher.retryAfter()).willReturn(Duration.ofSeconds(5));
		assertThatExceptionOfType(CollectProblem.class)
			.isThrownBy(() -> this.collector.collect(List.of(valid("e-1")), false))
			.satisfies((problem) -> {
				assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("5");
			});
	}

	@Test
	void sendsNothingWhenNoEventIsValid() {
		assertThatExceptionOfType(CollectProblem.class)
			.isThrownBy(() -> this.collector.collect(List.of(invalid()), true))
			.satisfies((problem) -> assertThat(problem.getBody().getProperties()).containsKey("rejected"));
		assertThatExceptionOfType(CollectProblem.class)
			.isThrownBy(() -> this.collector.collect(List.of(invalid()), false))
			.satisfies((problem) -> assertThat(problem.getBody().getProperties()).containsKey("errors"));
		verify(this.publisher, never()).publish(anyList());
	}

	private static ParsedEvent valid(String eventId) {
		return new ParsedEvent(UserActivityEvent.newBuilder().setEventId(eventId).setUserId("u").build(), eventId,
				"CLICK", List.of());
	}

	private static ParsedEvent invalid() {
		return new ParsedEvent(null, null, "CLICK", List.of(EventError.missing("userId")));
	}

}
