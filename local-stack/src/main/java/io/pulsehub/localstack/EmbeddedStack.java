package io.pulsehub.localstack;

import java.util.ArrayList;
import java.util.List;

import io.pulsehub.localstack.kafka.LocalKafka;
import io.pulsehub.localstack.mongo.LocalMongo;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.redis.LocalRedis;
import io.pulsehub.localstack.server.EmbeddedServer;
import io.pulsehub.localstack.server.ParallelStart;
import io.pulsehub.localstack.server.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers of one stack, started together and stopped in reverse order.
 */
final class EmbeddedStack {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedStack.class);

	private final List<EmbeddedServer> servers;

	EmbeddedStack(List<EmbeddedServer> servers) {
		this.servers = List.copyOf(servers);
	}

	static EmbeddedStack create(StackSettings settings, DataDirectory data, StackPorts ports) {
		List<EmbeddedServer> servers = new ArrayList<>();
		if (settings.starts(StackSettings.KAFKA)) {
			servers
				.add(new LocalKafka(ports.kafka(), ports.kafkaController(), data.kafka(), settings.topicPartitions()));
		}
		if (settings.starts(StackSettings.REDIS)) {
			servers.add(new LocalRedis(ports.redis(), data.redis()));
		}
		if (settings.starts(StackSettings.POSTGRES)) {
			servers.add(new LocalPostgres(ports.postgres(), data.postgres(), settings.postgresPassword()));
		}
		if (settings.starts(StackSettings.MONGODB)) {
			servers.add(new LocalMongo(ports.mongo(), data.mongoFile()));
		}
		return new EmbeddedStack(servers);
	}

	List<EmbeddedServer> servers() {
		return this.servers;
	}

	/**
	 * Starts every server; a taken port is reported before anything starts, rather than
	 * after a half-started stack.
	 */
	synchronized void start() {
		this.servers.forEach((server) -> server.ports().forEach((port) -> Ports.requireFree(port, server.name())));
		long started = System.nanoTime();
		ParallelStart.startAll(this.servers, (server) -> logger.info("{} ready at {} ({} ms)", server.name(),
				server.address(), (System.nanoTime() - started) / 1_000_000));
	}

	/**
	 * Stops every running server, the last started first; a failure to stop one does not
	 * keep the others running.
	 */
	synchronized void stop() {
		for (EmbeddedServer server : this.servers.reversed()) {
			if (!server.isRunning()) {
				continue;
			}
			try {
				server.stop();
				logger.info("{} stopped", server.name());
			}
			catch (RuntimeException ex) {
				logger.warn("{} did not stop cleanly: {}", server.name(), ex.getMessage(), ex);
			}
		}
	}

}
