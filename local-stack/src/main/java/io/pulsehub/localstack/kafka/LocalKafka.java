package io.pulsehub.localstack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.pulsehub.localstack.server.EmbeddedServer;
import io.pulsehub.localstack.server.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft combined mode) whose log directory survives restarts
 * and which holds every topic of the PulseHub catalogue.
 */
public final class LocalKafka implements EmbeddedServer {

	private static final Logger logger = LoggerFactory.getLogger(LocalKafka.class);

	private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

	private final int port;

	private final int controllerPort;

	private final Path logDir;

	private final int topicPartitions;

	private KafkaRaftServer server;

	/**
	 * Describes a broker; nothing starts until {@link #start()}.
	 * @param port the client (PLAINTEXT) port
	 * @param controllerPort the KRaft controller port
	 * @param logDir where the broker keeps its log and metadata; formatted on first use
	 * @param topicPartitions partitions of each catalogue topic it creates
	 */
	public LocalKafka(int port, int controllerPort, Path logDir, int topicPartitions) {
		this.port = port;
		this.controllerPort = controllerPort;
		this.logDir = logDir.toAbsolutePath().normalize();
		this.topicPartitions = topicPartitions;
	}

	/**
	 * The value for {@code bootstrap.servers}.
	 * @return {@code localhost:<port>}
	 */
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	@Override
	public String name() {
		return "Kafka";
	}

	@Override
	public String address() {
		return bootstrapServers();
	}

	@Override
	public List<Integer> ports() {
		return List.of(this.port, this.controllerPort);
	}

	@Override
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		Ports.requireFree(this.port, "Kafka");
		Ports.requireFree(this.controllerPort, "the Kafka controller");
		KafkaConfig config = KafkaConfig
			.fromProps(BrokerProperties.combinedMode(this.port, this.controllerPort, this.logDir));
		KafkaStorage.formatIfNew(config);
		KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			raftServer.startup();
			this.server = raftServer;
			CatalogueTopics.createMissing(bootstrapServers(), this.topicPartitions, TOPIC_TIMEOUT);
		}
		catch (RuntimeException ex) {
			// Release the ports and the log directory lock so a retry can start cleanly.
			raftServer.shutdown();
			raftServer.awaitShutdown();
			this.server = null;
			throw ex;
		}
		logger.debug("Kafka broker started with its log in {}", this.logDir);
	}

	@Override
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		// shutdown() is the controlled shutdown: the broker leaves the cluster before the
		// controller stops, and the logs are flushed, so the next start needs no
		// recovery.
		this.server.shutdown();
		this.server.awaitShutdown();
		this.server = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	@Override
	public String toString() {
		return "Kafka at " + bootstrapServers();
	}

}
