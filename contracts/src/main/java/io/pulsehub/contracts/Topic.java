package io.pulsehub.contracts;

import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic together with the serdes of its keys and values, so producers and
 * consumers cannot disagree about the wire format.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param name the topic name as the broker knows it
 * @param keySerde how keys are written and read
 * @param valueSerde how values are written and read
 * @param config topic-level settings the topic is created with (e.g.
 * {@code cleanup.policy=compact}); empty for the broker's defaults
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> config) {

	public Topic {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(keySerde, "keySerde");
		Objects.requireNonNull(valueSerde, "valueSerde");
		config = Map.copyOf(config);
		if (name.isBlank()) {
			throw new IllegalArgumentException("A topic needs a name");
		}
	}

	/**
	 * A topic with the broker's default settings.
	 * @param name the topic name as the broker knows it
	 * @param keySerde how keys are written and read
	 * @param valueSerde how values are written and read
	 */
	public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde) {
		this(name, keySerde, valueSerde, Map.of());
	}

	@Override
	public String toString() {
		return this.name;
	}

}
