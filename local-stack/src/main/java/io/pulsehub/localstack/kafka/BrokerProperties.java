package io.pulsehub.localstack.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker settings of a single-node cluster.
 */
final class BrokerProperties {

	private static final String NODE_ID = "1";

	private BrokerProperties() {
	}

	static Properties combinedMode(int port, int controllerPort, Path logDir) {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", NODE_ID);
		properties.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("listeners",
				"PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		// Advertise "localhost" so the address matches what clients are told to use.
		properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("log.dirs", logDir.toString());
		// One broker: internal topics cannot have more replicas than brokers, or the
		// group
		// and transaction coordinators never become available.
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		// Fewer internal partitions than the default 50 each: the first consumer group
		// and the first transaction then start in well under a second on two cores.
		properties.setProperty("offsets.topic.num.partitions", "5");
		properties.setProperty("transaction.state.log.num.partitions", "5");
		properties.setProperty("share.coordinator.state.topic.num.partitions", "5");
		// No point waiting for more members to join a group that only tests and one
		// developer use.
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		return properties;
	}

}
