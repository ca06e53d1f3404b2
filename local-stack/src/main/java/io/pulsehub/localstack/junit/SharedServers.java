package io.pulsehub.localstack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pulsehub.localstack.kafka.LocalKafka;
import io.pulsehub.localstack.mongo.LocalMongo;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.redis.LocalRedis;
import io.pulsehub.localstack.server.EmbeddedServer;
import io.pulsehub.localstack.server.FileTrees;
import io.pulsehub.localstack.server.ParallelStart;
import io.pulsehub.localstack.server.Ports;
import io.pulsehub.localstack.server.StackEnvironment;

/**
 * One server per service for the whole JVM, on free ports below one temporary directory
 * that a shutdown hook removes after stopping them.
 */
final class SharedServers {

	private final Map<Service, EmbeddedServer> servers = new EnumMap<>(Service.class);

	private Path root;

	synchronized EmbeddedServer running(Service service) {
		return running(Set.of(service)).get(0);
	}

	synchronized List<EmbeddedServer> running(Set<Service> services) {
		List<EmbeddedServer> wanted = new ArrayList<>();
		for (Service service : services) {
			wanted.add(this.servers.computeIfAbsent(service, this::create));
		}
		ParallelStart.startAll(wanted);
		return wanted;
	}

	private EmbeddedServer create(Service service) {
		Path dir = root().resolve(service.name().toLowerCase(Locale.ROOT));
		Map<String, String> env = System.getenv();
		return switch (service) {
			case KAFKA -> new LocalKafka(Ports.free(), Ports.free(), dir, StackEnvironment.topicPartitions(env));
			case REDIS -> new LocalRedis(Ports.free(), dir);
			case POSTGRES -> new LocalPostgres(Ports.free(), dir, StackEnvironment.postgresPassword(env));
			case MONGO -> new LocalMongo(Ports.free(), dir.resolve("mongo.mv.db"));
		};
	}

	private Path root() {
		if (this.root == null) {
			try {
				this.root = Files.createTempDirectory("pulsehub-local-stack-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No temporary directory for the test servers", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-test-shutdown"));
		}
		return this.root;
	}

	private synchronized void stopAll() {
		for (EmbeddedServer server : this.servers.values()) {
			try {
				server.stop();
			}
			catch (RuntimeException ex) {
				// The JVM is exiting and the data is temporary: the next server still
				// needs stopping, and nothing is lost by going on.
			}
		}
		FileTrees.delete(this.root);
	}

}
