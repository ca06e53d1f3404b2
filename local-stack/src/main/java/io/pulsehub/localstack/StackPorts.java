package io.pulsehub.localstack;

import io.pulsehub.localstack.server.Ports;

/**
 * The ports of one stack.
 *
 * @param kafka the Kafka client port
 * @param kafkaController the KRaft controller port
 * @param redis the Redis port
 * @param postgres the PostgreSQL port
 * @param mongo the MongoDB wire-protocol port
 */
record StackPorts(int kafka, int kafkaController, int redis, int postgres, int mongo) {

	/**
	 * The documented ports: clear of the usual 9092, 6379, 5432 and 27017 of real
	 * servers.
	 */
	static final StackPorts FIXED = new StackPorts(19092, 19093, 16379, 15432, 17017);

	static StackPorts free() {
		return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
	}

}
