package io.pulsehub.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.profile.RealtimeTagsView;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.localstack.junit.LocalStack;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static io.pulsehub.stream.ActivityProducer.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second instance with the same application id takes a share of the partitions; when it
 * stops, the first takes them back and carries on from the changelogged state.
 */
@StreamProcessorTest
class ScaleOutIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(120);

	private static final int USERS = 12;

	@Autowired
	private StreamsBuilderFactoryBean first;

	@Autowired
	private StringRedisTemplate redis;

	@Test
	void splitsThePartitionsBetweenInstancesAndTakesThemBackWhenOneLeaves() {
		List<String> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			users.add("scale-" + UUID.randomUUID());
		}
		try (ActivityProducer producer = new ActivityProducer()) {
			try (ConfigurableApplicationContext second = secondInstance()) {
				KafkaStreams other = second.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
				await().atMost(WAIT).untilAsserted(() -> {
					List<String> mine = sourcePartitions(this.first.getKafkaStreams());
					List<String> theirs = sourcePartitions(other);
					assertThat(theirs).isNotEmpty();
					assertThat(mine).isNotEmpty().doesNotContainAnyElementsOf(theirs);
					assertThat(mine.size() + theirs.size()).isEqualTo(6);
				});
				sendRound(producer, users, 5);
				awaitTags(users, 5);
			}
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(sourcePartitions(this.first.getKafkaStreams())).hasSize(6));
			sendRound(producer, users, 1);
			awaitTags(users, 6);
		}
	}

	private static void sendRound(ActivityProducer producer, List<String> users, int clicksEach) {
		for (int i = 0; i < clicksEach; i++) {
			users.forEach((user) -> producer.send(event(user, EventType.CLICK).build()));
		}
	}

	private void awaitTags(List<String> users, long clicks) {
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
			for (String user : users) {
				Map<String, String> hash = new HashMap<>();
				this.redis.opsForHash()
					.entries(RedisLayout.profileKey(user))
					.forEach((field, value) -> hash.put((String) field, (String) value));
				RealtimeTagsView tags = RealtimeTagsView.of(hash, Instant.now());
				assertThat(tags.counts()).as(user).containsEntry("click", clicks);
				assertThat(tags.version()).as(user).isEqualTo(clicks);
			}
		});
	}

	private static List<String> sourcePartitions(KafkaStreams streams) {
		if (streams.state() != KafkaStreams.State.RUNNING) {
			return List.of();
		}
		return streams.metadataForLocalThreads()
			.stream()
			.flatMap((thread) -> thread.activeTasks().stream())
			.flatMap((task) -> task.topicPartitions().stream())
			.filter((partition) -> partition.topic().equals(Topics.USER_ACTIVITY_EVENTS.name()))
			.map(Object::toString)
			.toList();
	}

	private static ConfigurableApplicationContext secondInstance() {
		// arguments, not default properties: they must win over the config-repo files
		return new SpringApplicationBuilder(StreamProcessorApplication.class).run(
				"--spring.config.import=file:../config-repo/application.yml,file:../config-repo/stream-processor.yml",
				"--spring.cloud.config.enabled=false", "--eureka.client.enabled=false", "--server.port=0",
				"--spring.kafka.bootstrap-servers=" + LocalStack.kafka().bootstrapServers(),
				"--spring.data.redis.url=" + LocalStack.redis().url(),
				"--spring.kafka.streams.state-dir=target/streams-it/second-" + UUID.randomUUID());
	}

}
