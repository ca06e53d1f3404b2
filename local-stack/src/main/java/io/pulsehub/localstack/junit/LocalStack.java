package io.pulsehub.localstack.junit;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.pulsehub.localstack.kafka.LocalKafka;
import io.pulsehub.localstack.mongo.LocalMongo;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.redis.LocalRedis;
import io.pulsehub.localstack.server.EmbeddedServer;

/**
 * The JVM-wide local-stack servers for tests: each accessor returns its server running,
 * starting it on first use (or again after a test stopped it).
 * <p>
 * A fault test keeps the returned handle, calls {@link EmbeddedServer#stop()} and later
 * {@link EmbeddedServer#start()}: the server comes back on the same port with its data,
 * so clients configured earlier reconnect without changes.
 */
public final class LocalStack {

	private static final SharedServers servers = new SharedServers();

	private LocalStack() {
	}

	/**
	 * The shared Kafka broker, with the catalogue topics.
	 * @return the running broker
	 */
	public static LocalKafka kafka() {
		return (LocalKafka) servers.running(Service.KAFKA);
	}

	/**
	 * The shared Redis server.
	 * @return the running server
	 */
	public static LocalRedis redis() {
		return (LocalRedis) servers.running(Service.REDIS);
	}

	/**
	 * The shared PostgreSQL server, with the service databases and roles.
	 * @return the running server
	 */
	public static LocalPostgres postgres() {
		return (LocalPostgres) servers.running(Service.POSTGRES);
	}

	/**
	 * The shared MongoDB wire-protocol server.
	 * @return the running server
	 */
	public static LocalMongo mongo() {
		return (LocalMongo) servers.running(Service.MONGO);
	}

	/**
	 * Makes sure the given servers run, starting the missing ones in parallel.
	 * @param services the servers needed
	 * @return the running servers, in the order of {@link Service}
	 */
	public static List<EmbeddedServer> start(Collection<Service> services) {
		Set<Service> wanted = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
		return servers.running(wanted);
	}

}
