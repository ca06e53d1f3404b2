package io.pulsehub.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.pulsehub.contracts.events.PointsEvent;
import io.pulsehub.localstack.junit.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What points-service left behind for a set of users, read from the sources themselves:
 * the ledger and the outbox in its PostgreSQL database, and the {@code points-events}
 * topic read from the start.
 */
final class PointsTrail {

	static final String TOPIC = "points-events";

	private static final String SIGNED_AMOUNT = "CASE type WHEN 'SPENT' THEN -amount ELSE amount END";

	private final List<String> users;

	PointsTrail(List<String> users) {
		this.users = List.copyOf(users);
	}

	/** The ledger's event ids of the users. */
	Set<String> ledgerEventIds() throws SQLException {
		Set<String> ids = new HashSet<>();
		query("SELECT event_id FROM points_ledger WHERE user_id = ANY(?)", (rows) -> ids.add(rows.getString(1)));
		return ids;
	}

	/** Per user: the sum of the ledger's signed amounts (what the balance must be). */
	Map<String, Long> ledgerSums() throws SQLException {
		Map<String, Long> sums = new HashMap<>();
		query("SELECT user_id, sum(" + SIGNED_AMOUNT + ") FROM points_ledger WHERE user_id = ANY(?) GROUP BY user_id",
				(rows) -> sums.put(rows.getString(1), rows.getLong(2)));
		return sums;
	}

	/** Per user: the number of ledger events (what the projected version must be). */
	Map<String, Long> ledgerCounts() throws SQLException {
		Map<String, Long> counts = new HashMap<>();
		query("SELECT user_id, count(*) FROM points_ledger WHERE user_id = ANY(?) GROUP BY user_id",
				(rows) -> counts.put(rows.getString(1), rows.getLong(2)));
		return counts;
	}

	/** Ledger events of the users and how many distinct idempotency keys they carry. */
	long[] ledgerRowsAndDistinctKeys() throws SQLException {
		long[] counts = new long[2];
		query("SELECT count(*), count(DISTINCT idempotency_key) FROM points_ledger WHERE user_id = ANY(?)", (rows) -> {
			counts[0] = rows.getLong(1);
			counts[1] = rows.getLong(2);
		});
		return counts;
	}

	/** Committed {@code points-events} outbox rows of the users not relayed yet. */
	long unsentEvents() throws SQLException {
		long[] count = new long[1];
		query("SELECT count(*) FROM points_outbox WHERE sent_at IS NULL AND topic = '" + TOPIC
				+ "' AND message_key = ANY(?)", (rows) -> count[0] = rows.getLong(1));
		return count[0];
	}

	/**
	 * Reads {@code points-events} from the start up to its current end.
	 * @return event id → how often it is on the topic, for the users' events
	 */
	Map<String, Integer> publishedEventIds() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		Map<String, Integer> seen = new HashMap<>();
		Set<String> wanted = Set.copyOf(this.users);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(TOPIC, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!reached(consumer, end) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (wanted.contains(record.key())) {
						seen.merge(decode(record.value()).getEventId(), 1, Integer::sum);
					}
				}
			}
		}
		return seen;
	}

	private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
	}

	private static PointsEvent decode(byte[] value) {
		try {
			return PointsEvent.parseFrom(value);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void query(String sql, RowHandler handler) throws SQLException {
		try (Connection connection = DriverManager.getConnection(LocalStack.postgres().jdbcUrl("pulsehub_points"),
				"points", LocalStack.postgres().password());
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("text", this.users.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					handler.handle(rows);
				}
			}
		}
	}

	/** A fresh user id prefix for one test run. */
	static String run() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	static List<String> users(String prefix, int count) {
		List<String> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(prefix + "-" + i);
		}
		return users;
	}

	@FunctionalInterface
	private interface RowHandler {

		void handle(ResultSet rows) throws SQLException;

	}

}
