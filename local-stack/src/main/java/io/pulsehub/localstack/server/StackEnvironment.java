package io.pulsehub.localstack.server;

import java.util.Map;

/**
 * The environment variables that shape a stack's servers, read the same way by the
 * runnable stack and by the test servers.
 */
public final class StackEnvironment {

	/** Partitions of each catalogue topic. */
	public static final String TOPIC_PARTITIONS = "PULSEHUB_TOPIC_PARTITIONS";

	/** Password of the service roles in PostgreSQL. */
	public static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";

	private static final int DEFAULT_TOPIC_PARTITIONS = 6;

	private static final String DEFAULT_POSTGRES_PASSWORD = "pulsehub-dev";

	private StackEnvironment() {
	}

	/**
	 * The partitions of each catalogue topic.
	 * @param env the environment
	 * @return {@value #TOPIC_PARTITIONS}, 6 unless set
	 * @throws IllegalArgumentException unless the value is a positive number
	 */
	public static int topicPartitions(Map<String, String> env) {
		String value = env.get(TOPIC_PARTITIONS);
		if (value == null || value.isBlank()) {
			return DEFAULT_TOPIC_PARTITIONS;
		}
		try {
			int partitions = Integer.parseInt(value.strip());
			if (partitions > 0) {
				return partitions;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below with the variable's name, which the parser does not know.
		}
		throw new IllegalArgumentException(TOPIC_PARTITIONS + " must be a positive number, not '" + value + "'");
	}

	/**
	 * The password of the service roles.
	 * @param env the environment
	 * @return {@value #POSTGRES_PASSWORD}, {@code pulsehub-dev} unless set
	 */
	public static String postgresPassword(Map<String, String> env) {
		String value = env.get(POSTGRES_PASSWORD);
		return (value == null || value.isEmpty()) ? DEFAULT_POSTGRES_PASSWORD : value;
	}

}
