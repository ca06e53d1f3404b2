package io.pulsehub.localstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pulsehub.localstack.server.StackEnvironment;

/**
 * What the environment and the command line ask of the stack.
 *
 * @param dataDir where every server keeps its data
 * @param clean whether to wipe that data before starting
 * @param topicPartitions partitions of each catalogue topic
 * @param postgresPassword the password of the service roles
 * @param external the servers an environment variable points elsewhere: the variable's
 * name and value, in a fixed order
 */
record StackSettings(Path dataDir, boolean clean, int topicPartitions, String postgresPassword,
		Map<String, String> external) {

	static final String KAFKA = "KAFKA_BOOTSTRAP_SERVERS";

	static final String REDIS = "REDIS_URL";

	static final String POSTGRES = "POSTGRES_URL";

	static final String MONGODB = "MONGODB_URI";

	static final String DATA_DIR = "PULSEHUB_DATA_DIR";

	static StackSettings from(Map<String, String> env, List<String> args) {
		boolean clean = false;
		for (String arg : args) {
			if (!"--clean".equals(arg)) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; the only one is --clean");
			}
			clean = true;
		}
		Map<String, String> external = new LinkedHashMap<>();
		for (String variable : List.of(KAFKA, REDIS, POSTGRES, MONGODB)) {
			String value = env.get(variable);
			if (value != null && !value.isBlank()) {
				external.put(variable, value);
			}
		}
		Path dataDir = Path.of(env.getOrDefault(DATA_DIR, "data")).toAbsolutePath().normalize();
		return new StackSettings(dataDir, clean, StackEnvironment.topicPartitions(env),
				StackEnvironment.postgresPassword(env), Collections.unmodifiableMap(external));
	}

	boolean starts(String variable) {
		return !this.external.containsKey(variable);
	}

}
