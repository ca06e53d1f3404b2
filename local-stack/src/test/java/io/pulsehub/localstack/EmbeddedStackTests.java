package io.pulsehub.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.pulsehub.localstack.kafka.LocalKafka;
import io.pulsehub.localstack.mongo.LocalMongo;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.redis.LocalRedis;
import io.pulsehub.localstack.server.EmbeddedServer;
import io.pulsehub.localstack.server.PortInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedStackTests {

	@TempDir
	Path dataDir;

	@Test
	void startsEveryServerWhenNoVariablePointsElsewhere() {
		EmbeddedStack stack = stack(Map.of());

		assertThat(stack.servers()).map(Object::getClass)
			.containsExactly(LocalKafka.class, LocalRedis.class, LocalPostgres.class, LocalMongo.class);
	}

	@Test
	void leavesOutTheServersThatAVariablePointsElsewhere() {
		EmbeddedStack stack = stack(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "MONGODB_URI", "mongodb://db"));

		assertThat(stack.servers()).map(Object::getClass).containsExactly(LocalRedis.class, LocalPostgres.class);
	}

	@Test
	void refusesToStartWhenAPortIsTakenAndStartsNothing() throws IOException {
		StackPorts ports = StackPorts.free();
		EmbeddedStack stack = EmbeddedStack.create(settings(Map.of()), new DataDirectory(this.dataDir), ports);
		try (ServerSocket squatter = new ServerSocket(ports.postgres())) {
			assertThatExceptionOfType(PortInUseException.class).isThrownBy(stack::start)
				.withMessageContaining(String.valueOf(ports.postgres()))
				.withMessageContaining("PostgreSQL");
		}
		assertThat(stack.servers()).noneMatch(EmbeddedServer::isRunning);
	}

	private EmbeddedStack stack(Map<String, String> env) {
		return EmbeddedStack.create(settings(env), new DataDirectory(this.dataDir), StackPorts.free());
	}

	private StackSettings settings(Map<String, String> env) {
		return StackSettings.from(env, List.of());
	}

}
