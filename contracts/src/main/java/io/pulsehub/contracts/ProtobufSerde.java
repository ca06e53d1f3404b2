package io.pulsehub.contracts;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde of one Protobuf message type: the message's binary encoding, nothing around
 * it (the topic says the type). An undecodable record fails with Kafka's
 * {@link SerializationException}, which consumers route to the dead-letter topic.
 */
public final class ProtobufSerde {

	private ProtobufSerde() {
	}

	/**
	 * A serde for one message type.
	 * @param <T> the message type
	 * @param parser the type's parser, e.g. {@code UserActivityEvent.parser()}
	 * @return the serde
	 */
	public static <T extends MessageLite> Serde<T> of(Parser<T> parser) {
		Serializer<T> serializer = (topic, message) -> (message != null) ? message.toByteArray() : null;
		Deserializer<T> deserializer = (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			try {
				return parser.parseFrom(bytes);
			}
			catch (InvalidProtocolBufferException ex) {
				throw new SerializationException("Not a valid message for topic " + topic, ex);
			}
		};
		return Serdes.serdeFrom(serializer, deserializer);
	}

}
