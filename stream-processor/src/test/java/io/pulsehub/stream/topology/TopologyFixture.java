package io.pulsehub.stream.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.stream.StreamMetrics;
import io.pulsehub.stream.device.DeviceClassifier;
import io.pulsehub.stream.trending.EngagementWeights;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The topology in a {@link TopologyTestDriver} with in-memory sinks; wall-clock time
 * starts at {@link #T0}.
 */
final class TopologyFixture implements AutoCloseable {

	static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	static final Duration REFRESH = Duration.ofSeconds(5);

	// Building the user-agent analyzer takes seconds: one for every test.
	private static final DeviceClassifier CLASSIFIER = new DeviceClassifier(1000);

	final InMemorySinks sinks = new InMemorySinks();

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final TopologyTestDriver driver;

	final TestInputTopic<String, byte[]> events;

	final TestOutputTopic<String, ProfileChanged> changes;

	final TestOutputTopic<String, byte[]> deadLetters;

	TopologyFixture() {
		StreamsBuilder builder = new StreamsBuilder();
		TopologySettings settings = new TopologySettings("stream-processor-test", Duration.ofHours(24), REFRESH, 3,
				EngagementWeights.defaults(), Duration.ofMillis(1), 1000);
		StreamMetrics metrics = new StreamMetrics(this.registry);
		new ProfileTagsTopology(settings, CLASSIFIER, this.sinks, this.sinks, metrics, Clock.fixed(T0, ZoneOffset.UTC))
			.addTo(builder);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "stream-processor-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		// as StreamsConfiguration sets it up
		properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
				DeadLetterProcessingExceptionHandler.class);
		properties.put(DeadLetterProcessingExceptionHandler.METRICS_CONFIG, metrics);
		this.driver = new TopologyTestDriver(builder.build(), properties, T0);
		this.events = this.driver.createInputTopic(Topics.USER_ACTIVITY_EVENTS.name(), new StringSerializer(),
				new ByteArraySerializer());
		this.changes = this.driver.createOutputTopic(Topics.PROFILE_CHANGES.name(), new StringDeserializer(),
				Topics.PROFILE_CHANGES.valueSerde().deserializer());
		this.deadLetters = this.driver.createOutputTopic(Topics.USER_ACTIVITY_EVENTS_DLT.name(),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	/**
	 * Pipes an event as ingestion would: keyed by user, stamped with its receive time.
	 */
	void send(UserActivityEvent event) {
		Instant received = Instant.ofEpochSecond(event.getReceivedAt().getSeconds());
		this.events.pipeInput(event.getUserId(), event.toByteArray(), received);
	}

	double counter(String name) {
		return this.registry.find(name).counters().stream().mapToDouble((counter) -> counter.count()).sum();
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
