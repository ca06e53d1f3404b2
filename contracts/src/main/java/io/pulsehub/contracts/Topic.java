package io.pulsehub.contracts;

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
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

	public Topic {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(keySerde, "keySerde");
		Objects.requireNonNull(valueSerde, "valueSerde");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A topic needs a name");
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
