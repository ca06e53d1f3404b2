package io.pulsehub.localstack.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a KRaft log directory the way {@code kafka-storage format} does.
 */
final class KafkaStorage {

	private static final String META_PROPERTIES = "meta.properties";

	private KafkaStorage() {
	}

	/**
	 * Formats the broker's directories unless they already hold a cluster, so a restart
	 * keeps its topics and offsets.
	 */
	static void formatIfNew(KafkaConfig config) {
		// The formatter's own "ignore formatted" still insists on the cluster id it was
		// given, which a restart cannot know, so a formatted directory is left alone
		// here.
		if (config.logDirs().stream().allMatch((dir) -> Files.exists(Path.of(dir, META_PROPERTIES)))) {
			return;
		}
		Formatter formatter = new Formatter()
			// The tool's console chatter ("Formatting ...") adds nothing to our own log
			// line.
			.setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
			.setClusterId(Uuid.randomUuid().toString())
			.setNodeId(config.nodeId())
			.setControllerListenerName(config.controllerListenerNames().get(0))
			.setMetadataLogDirectory(config.metadataLogDir())
			.setDirectories(config.logDirs())
			.setIgnoreFormatted(true);
		try {
			formatter.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format the Kafka log directory " + config.logDirs(), ex);
		}
	}

}
