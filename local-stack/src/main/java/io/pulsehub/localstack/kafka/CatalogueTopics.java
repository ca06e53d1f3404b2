package io.pulsehub.localstack.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pulsehub.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of the contracts catalogue that a broker does not have yet.
 */
final class CatalogueTopics {

	private static final Logger logger = LoggerFactory.getLogger(CatalogueTopics.class);

	private static final short REPLICATION_FACTOR = 1;

	private CatalogueTopics() {
	}

	/**
	 * Creates the missing catalogue topics; existing topics keep their partitions and
	 * data.
	 */
	static void createMissing(String bootstrapServers, int partitions, Duration timeout) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Set<String> existing = await(admin.listTopics().names(), timeout);
			List<NewTopic> missing = Topics.all()
				.stream()
				.filter((topic) -> !existing.contains(topic.name()))
				.map((topic) -> new NewTopic(topic.name(), partitions, REPLICATION_FACTOR).configs(topic.config()))
				.toList();
			if (missing.isEmpty()) {
				return;
			}
			for (KafkaFuture<Void> created : admin.createTopics(missing).values().values()) {
				awaitCreated(created, timeout);
			}
			logger.info("Created topics {} with {} partitions each", missing.stream().map(NewTopic::name).toList(),
					partitions);
		}
	}

	private static void awaitCreated(KafkaFuture<Void> created, Duration timeout) {
		try {
			await(created, timeout);
		}
		catch (IllegalStateException ex) {
			// Another client created it between our list and our create: that is the
			// goal.
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	private static <T> T await(KafkaFuture<T> future, Duration timeout) {
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused the topic request: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
	}

}
