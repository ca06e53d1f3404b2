package io.pulsehub.localstack.junit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.lettuce.core.RedisConnectionException;
import io.pulsehub.contracts.Topic;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.localstack.Clients;
import io.pulsehub.localstack.kafka.LocalKafka;
import io.pulsehub.localstack.mongo.LocalMongo;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.postgres.ServiceDatabase;
import io.pulsehub.localstack.redis.LocalRedis;
import io.pulsehub.localstack.server.StackEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@LocalStackTest
class LocalStackIntegrationTests {

	@Test
	void kafkaHoldsEveryCatalogueTopic(LocalKafka kafka) throws Exception {
		List<String> names = Topics.all().stream().map(Topic::name).toList();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();

			assertThat(topics).containsOnlyKeys(names);
			assertThat(topics.values()).allSatisfy((topic) -> assertThat(topic.partitions())
				.hasSize(StackEnvironment.topicPartitions(System.getenv())));
		}
	}

	@Test
	void kafkaDeliversARecordToAConsumerGroup(LocalKafka kafka) throws Exception {
		String userId = "user-" + UUID.randomUUID();
		UserActivityEvent event = UserActivityEvent.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setUserId(userId)
			.setType(EventType.PAGE_VIEW)
			.build();

		Clients.send(kafka, Topics.USER_ACTIVITY_EVENTS, userId, event);
		List<ConsumerRecord<String, UserActivityEvent>> received = Clients.consume(kafka, Topics.USER_ACTIVITY_EVENTS,
				userId);

		assertThat(received).singleElement().extracting(ConsumerRecord::value).isEqualTo(event);
	}

	@Test
	void redisStoresAndReturnsAValue(LocalRedis redis) {
		String key = "profile:" + UUID.randomUUID();

		String value = Clients.withRedis(redis, (connection) -> {
			connection.sync().set(key, "gold");
			return connection.sync().get(key);
		});

		assertThat(value).isEqualTo("gold");
	}

	@Test
	void redisComesBackOnTheSamePortWithItsData(LocalRedis redis) {
		String key = "profile:" + UUID.randomUUID();
		Clients.withRedis(redis, (connection) -> connection.sync().set(key, "kept"));

		redis.stop();
		try {
			assertThatExceptionOfType(RedisConnectionException.class)
				.isThrownBy(() -> Clients.withRedis(redis, (connection) -> connection.sync().ping()));
		}
		finally {
			redis.start();
		}

		String value = Clients.withRedis(redis, (connection) -> connection.sync().get(key));
		assertThat(value).isEqualTo("kept");
	}

	@Test
	void postgresLetsAServiceRoleWorkInItsDatabase(LocalPostgres postgres) throws Exception {
		try (Connection connection = Clients.jdbc(postgres, ServiceDatabase.INGESTION);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS probe (id text PRIMARY KEY, amount bigint)");
			statement.execute("INSERT INTO probe VALUES ('" + UUID.randomUUID() + "', 1250)");
			try (ResultSet rows = statement
				.executeQuery("SELECT current_user, current_database(), max(amount) FROM probe")) {
				rows.next();

				assertThat(rows.getString(1)).isEqualTo("ingestion");
				assertThat(rows.getString(2)).isEqualTo("pulsehub_ingestion");
				assertThat(rows.getLong(3)).isEqualTo(1250);
			}
		}
	}

	@Test
	void mongoStoresAndFindsADocument(LocalMongo mongo) {
		String userId = "user-" + UUID.randomUUID();
		try (MongoClient client = Clients.mongo(mongo)) {
			MongoCollection<Document> profiles = client.getDatabase("pulsehub").getCollection("user_profiles");

			profiles.insertOne(new Document("_id", userId).append("schemaVersion", 2));

			assertThat(profiles.find(new Document("_id", userId)).first()).containsEntry("schemaVersion", 2);
		}
	}

	@Test
	void mongoAnswersTheHelloCommandAsMongoDbDoes(LocalMongo mongo) {
		// Spring Boot's MongoDB health indicator sends it; without an answer every app
		// that uses MongoDB would report DOWN on the local stack
		try (MongoClient client = Clients.mongo(mongo)) {
			Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

			assertThat(hello).containsEntry("isWritablePrimary", true).containsKey("maxWireVersion");
		}
	}

	@Test
	void accessorsHandOutTheServersTheExtensionStarted(LocalKafka kafka, LocalRedis redis) {
		assertThat(LocalStack.kafka()).isSameAs(kafka);
		assertThat(LocalStack.redis()).isSameAs(redis);
		assertThat(kafka.isRunning()).isTrue();
	}

}
