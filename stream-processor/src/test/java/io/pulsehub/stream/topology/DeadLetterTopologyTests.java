package io.pulsehub.stream.topology;

import java.nio.charset.StandardCharsets;

import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.contracts.profile.RealtimeTagsView;
import io.pulsehub.stream.tags.UserTagsProcessor;
import io.pulsehub.stream.tags.state.UserTagsState;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.pulsehub.stream.topology.Events.event;
import static io.pulsehub.stream.topology.TopologyFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTopologyTests {

	private final TopologyFixture fixture = new TopologyFixture();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void sendsAnUnreadableRecordToTheDeadLetterTopicAndGoesOn() {
		byte[] garbage = "not protobuf \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
		this.fixture.events.pipeInput("u1", garbage, T0);
		this.fixture.send(event("u1", EventType.PAGE_VIEW, T0).build());

		TestRecord<String, byte[]> dead = this.fixture.deadLetters.readRecord();
		assertThat(dead.key()).isEqualTo("u1");
		assertThat(dead.value()).isEqualTo(garbage);
		assertThat(header(dead, DeadLetterHeaders.REASON_HEADER)).isEqualTo("unreadable");
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("user-activity-events");
		assertThat(header(dead, "kafka_dlt-exception-message")).startsWith("not a UserActivityEvent");
		assertThat(this.fixture.sinks.view("u1", T0).counts()).containsEntry("page_view", 1L);
		assertThat(this.fixture.counter("pulsehub.stream.dead.letters")).isEqualTo(1);
	}

	@Test
	void sendsEventsThatCannotBeTaggedToTheDeadLetterTopicWithTheReason() {
		UserActivityEvent valid = event("u1", EventType.PAGE_VIEW, T0).build();
		this.fixture.events.pipeInput("u1", valid.toBuilder().clearEventId().build().toByteArray(), T0);
		this.fixture.events.pipeInput("u1", valid.toBuilder().clearOccurredAt().build().toByteArray(), T0);
		this.fixture.events.pipeInput("u1", valid.toBuilder().setTypeValue(99).build().toByteArray(), T0);
		this.fixture.events.pipeInput("someone-else", valid.toByteArray(), T0);
		this.fixture.events.pipeInput("u1", null, T0);

		assertThat(this.fixture.deadLetters.readRecordsToList())
			.extracting((dead) -> header(dead, "kafka_dlt-exception-message"))
			.containsExactly("event_id is missing", "occurred_at is missing", "type is missing or unknown",
					"the record key is not the event's user_id", "the record has no value");
		assertThat(this.fixture.sinks.hash("u1")).isEmpty();
		assertThat(this.fixture.changes.isEmpty()).isTrue();
	}

	@Test
	void sendsARecordWhoseProcessingThrowsToTheDeadLetterTopicAndGoesOn() {
		// a state the topology cannot read back, as a bug of an earlier version could
		// leave
		KeyValueStore<String, UserTagsState> states = this.fixture.driver.getKeyValueStore(UserTagsProcessor.STORE);
		states.put("u1", UserTagsState.newBuilder().setVersion(3).putWindows("views_5m", "not a count").build());
		UserActivityEvent poisoned = event("u1", EventType.PAGE_VIEW, T0).build();

		this.fixture.send(poisoned);
		this.fixture.send(event("u2", EventType.PAGE_VIEW, T0).build());
		this.fixture.send(event("u1", EventType.CLICK, T0).build());

		TestRecord<String, byte[]> dead = this.fixture.deadLetters.readRecord();
		assertThat(dead.key()).isEqualTo("u1");
		assertThat(dead.value()).isEqualTo(poisoned.toByteArray());
		assertThat(header(dead, DeadLetterHeaders.REASON_HEADER))
			.isEqualTo(DeadLetterProcessingExceptionHandler.REASON);
		assertThat(header(dead, "kafka_dlt-exception-message")).startsWith("Not a windowed count");
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("user-activity-events");
		assertThat(header(dead, "pulsehub_stream-processor-node")).isEqualTo("user-tags");
		assertThat(this.fixture.sinks.view("u2", T0).counts()).containsEntry("page_view", 1L);
		RealtimeTagsView u1 = this.fixture.sinks.view("u1", T0);
		assertThat(u1.version()).isEqualTo(4);
		assertThat(u1.counts()).containsEntry("click", 1L).doesNotContainKey("page_view");
		assertThat(this.fixture.changes.readValuesToList()).extracting(ProfileChanged::getUserId)
			.containsExactly("u2", "u1");
		assertThat(this.fixture.counter("pulsehub.stream.dead.letters")).isEqualTo(1);
	}

	private static String header(TestRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
