package io.pulsehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.PointsEvent;
import io.pulsehub.localstack.kafka.LocalKafka;
import io.pulsehub.localstack.mongo.LocalMongo;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.postgres.ServiceDatabase;
import io.pulsehub.localstack.redis.LocalRedis;
import io.pulsehub.localstack.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable stack's promise: what was written before a stop is there after the next
 * start on the same data directory.
 */
class EmbeddedStackIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesAStopAndAStartOnTheSameDataDirectory() throws Exception {
		StackSettings settings = StackSettings.from(Map.of(StackSettings.DATA_DIR, this.dataDir.toString()), List.of());
		EmbeddedStack stack = EmbeddedStack.create(settings, new DataDirectory(settings.dataDir()), StackPorts.free());
		PointsEvent event = PointsEvent.newBuilder().setEventId("e-1").setUserId("user-1").setAmount(1250).build();

		stack.start();
		try {
			assertThat(serverProcess(server(stack, LocalRedis.class).pidFile())).isPresent();
			assertThat(serverProcess(server(stack, LocalPostgres.class).pidFile())).isPresent();
			Clients.send(server(stack, LocalKafka.class), Topics.POINTS_EVENTS, "user-1", event);
			Clients.withRedis(server(stack, LocalRedis.class),
					(redis) -> redis.sync().hset("profile:user-1", "pts.balance", "1250"));
			try (Connection connection = Clients.jdbc(server(stack, LocalPostgres.class), ServiceDatabase.POINTS);
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE ledger (user_id text, points bigint)");
				statement.execute("INSERT INTO ledger VALUES ('user-1', 1250)");
			}
			try (MongoClient client = Clients.mongo(server(stack, LocalMongo.class))) {
				profiles(client).insertOne(new Document("_id", "user-1").append("points", 1250));
			}
		}
		finally {
			stack.stop();
		}
		assertThat(stack.servers()).noneMatch(EmbeddedServer::isRunning);
		// what the launcher reads to stop servers a killed local-stack left behind
		assertThat(server(stack, LocalRedis.class).pidFile()).doesNotExist();
		assertThat(server(stack, LocalPostgres.class).pidFile()).doesNotExist();

		stack.start();
		try {
			assertThat(Clients.consume(server(stack, LocalKafka.class), Topics.POINTS_EVENTS, "user-1")).singleElement()
				.extracting(ConsumerRecord::value)
				.isEqualTo(event);
			String balance = Clients.withRedis(server(stack, LocalRedis.class),
					(redis) -> redis.sync().hget("profile:user-1", "pts.balance"));
			assertThat(balance).isEqualTo("1250");
			try (Connection connection = Clients.jdbc(server(stack, LocalPostgres.class), ServiceDatabase.POINTS);
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT points FROM ledger WHERE user_id = 'user-1'")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getLong(1)).isEqualTo(1250);
			}
			try (MongoClient client = Clients.mongo(server(stack, LocalMongo.class))) {
				assertThat(profiles(client).find(new Document("_id", "user-1")).first()).containsEntry("points", 1250);
			}
		}
		finally {
			stack.stop();
		}
	}

	private static Optional<ProcessHandle> serverProcess(Path pidFile) throws IOException {
		assertThat(pidFile).exists();
		String pid = Files.readAllLines(pidFile).getFirst().strip();
		return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
	}

	private static MongoCollection<Document> profiles(MongoClient client) {
		return client.getDatabase("pulsehub").getCollection("user_profiles");
	}

	private static <S extends EmbeddedServer> S server(EmbeddedStack stack, Class<S> type) {
		return stack.servers().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

}
