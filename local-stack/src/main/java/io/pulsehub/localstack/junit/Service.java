package io.pulsehub.localstack.junit;

/**
 * A server that a test can ask local-stack for.
 */
public enum Service {

	/** A single-node Kafka broker with the catalogue topics. */
	KAFKA,

	/** A Redis 7 server. */
	REDIS,

	/** A PostgreSQL server with the service databases and roles. */
	POSTGRES,

	/** A MongoDB wire-protocol server (mongo-java-server). */
	MONGO

}
