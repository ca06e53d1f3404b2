package io.pulsehub.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pulsehub.contracts.Topic;
import io.pulsehub.localstack.kafka.LocalKafka;
import io.pulsehub.localstack.mongo.LocalMongo;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.postgres.ServiceDatabase;
import io.pulsehub.localstack.redis.LocalRedis;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The real client of each server, used the way the services will use them.
 */
public final class Clients {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private Clients() {
	}

	/**
	 * Sends one record and waits for the broker's acknowledgement.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param kafka the broker
	 * @param topic the topic
	 * @param key the key
	 * @param value the value
	 * @return where the record was written
	 * @throws Exception if the broker does not acknowledge the record
	 */
	public static <K, V> RecordMetadata send(LocalKafka kafka, Topic<K, V> topic, K key, V value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<K, V> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
				topic.valueSerde().serializer())) {
			return producer.send(new ProducerRecord<>(topic.name(), key, value))
				.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
	}

	/**
	 * Reads a topic from the beginning in a new consumer group until a record with the
	 * key arrives.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param kafka the broker
	 * @param topic the topic
	 * @param key the key to wait for
	 * @return the records with that key seen until then
	 * @throws TimeoutException if no record with the key arrives in time
	 */
	public static <K, V> List<ConsumerRecord<K, V>> consume(LocalKafka kafka, Topic<K, V> topic, K key)
			throws TimeoutException {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<K, V>> matching = new ArrayList<>();
		try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
				topic.valueSerde().deserializer())) {
			consumer.subscribe(List.of(topic.name()));
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (matching.isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw new TimeoutException("No record with key " + key + " on " + topic.name());
				}
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						matching.add(record);
					}
				});
			}
		}
		return matching;
	}

	/**
	 * Runs one Redis command block on a fresh connection.
	 * @param <T> the result type
	 * @param redis the server
	 * @param commands what to do with the connection
	 * @return what the block returned
	 */
	public static <T> T withRedis(LocalRedis redis, Function<StatefulRedisConnection<String, String>, T> commands) {
		RedisURI uri = RedisURI.create(redis.url());
		uri.setTimeout(TIMEOUT);
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection);
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Connects to a service database as its own role.
	 * @param postgres the server
	 * @param database the service database
	 * @return an open connection
	 * @throws SQLException if the connection is refused
	 */
	public static Connection jdbc(LocalPostgres postgres, ServiceDatabase database) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(database.name()), database.user(), postgres.password());
	}

	/**
	 * Connects the real MongoDB driver.
	 * @param mongo the server
	 * @return a client to close after use
	 */
	public static MongoClient mongo(LocalMongo mongo) {
		return MongoClients.create(mongo.connectionString());
	}

}
