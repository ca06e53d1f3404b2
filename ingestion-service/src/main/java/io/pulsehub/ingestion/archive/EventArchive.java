package io.pulsehub.ingestion.archive;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows to {@code activity_events}, each event id at most once.
 * <p>
 * One statement per batch, so one round trip and one implicit transaction: the rows
 * travel as one array per column and are unnested; {@code DISTINCT ON} keeps the first
 * occurrence of an id within the batch; {@code activity_event_ids} (event id primary key,
 * not partitioned) admits only ids it has never seen, whatever their event time; and only
 * those rows are inserted into the partitioned table. A redelivered batch therefore
 * inserts nothing, and the statement's count is the number of new rows. Events of a user
 * with an {@code archive_erasures} tombstone are dropped before anything is stored
 * ({@link ArchiveEraser}).
 */
class EventArchive {

	static final String INSERT = """
			WITH batch AS (
			    SELECT DISTINCT ON (b.event_id) b.*
			    FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[],
			                ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[],
			                ?::integer[], ?::bigint[])
			         WITH ORDINALITY AS b(event_id, user_id, event_type, occurred_at, received_at, session_id,
			                              item_id, page_url, user_agent, ip, amount_minor, currency, properties,
			                              kafka_partition, kafka_offset, ord)
			    ORDER BY b.event_id, b.ord
			), kept AS (
			    SELECT b.* FROM batch b
			    WHERE NOT EXISTS (SELECT 1 FROM archive_erasures e WHERE e.user_id = b.user_id)
			), fresh AS (
			    INSERT INTO activity_event_ids (event_id, occurred_at)
			    SELECT event_id, occurred_at FROM kept
			    ON CONFLICT (event_id) DO NOTHING
			    RETURNING event_id
			)
			INSERT INTO activity_events (event_id, user_id, event_type, occurred_at, received_at, session_id, item_id,
			                             page_url, user_agent, ip, amount_minor, currency, properties,
			                             kafka_partition, kafka_offset)
			SELECT b.event_id, b.user_id, b.event_type, b.occurred_at, b.received_at, b.session_id, b.item_id,
			       b.page_url, b.user_agent, b.ip, b.amount_minor, b.currency, b.properties::jsonb,
			       b.kafka_partition, b.kafka_offset
			FROM kept b JOIN fresh f ON f.event_id = b.event_id
			""";

	private final JdbcTemplate jdbc;

	EventArchive(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Archives the rows in one statement.
	 * @param rows the rows, in offset order
	 * @return how many rows were stored (the rest were duplicates or of erased users)
	 * @throws org.springframework.dao.DataAccessException if the statement failed;
	 * nothing was written then
	 */
	int write(List<EventRow> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		Integer inserted = this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
				bind(insert, connection, rows);
				return insert.executeUpdate();
			}
		});
		return (inserted != null) ? inserted : 0;
	}

	private static void bind(PreparedStatement insert, Connection connection, List<EventRow> rows) throws SQLException {
		int column = 0;
		insert.setArray(++column, texts(connection, rows, EventRow::eventId));
		insert.setArray(++column, texts(connection, rows, EventRow::userId));
		insert.setArray(++column, texts(connection, rows, EventRow::eventType));
		insert.setArray(++column, texts(connection, rows, (row) -> iso(row.occurredAt())));
		insert.setArray(++column, texts(connection, rows, (row) -> iso(row.receivedAt())));
		insert.setArray(++column, texts(connection, rows, EventRow::sessionId));
		insert.setArray(++column, texts(connection, rows, EventRow::itemId));
		insert.setArray(++column, texts(connection, rows, EventRow::pageUrl));
		insert.setArray(++column, texts(connection, rows, EventRow::userAgent));
		insert.setArray(++column, texts(connection, rows, EventRow::ip));
		insert.setArray(++column,
				connection.createArrayOf("int8", rows.stream().map(EventRow::amountMinor).toArray(Long[]::new)));
		insert.setArray(++column, texts(connection, rows, EventRow::currency));
		insert.setArray(++column, texts(connection, rows, EventRow::propertiesJson));
		insert.setArray(++column,
				connection.createArrayOf("int4", rows.stream().map(EventRow::kafkaPartition).toArray(Integer[]::new)));
		insert.setArray(++column,
				connection.createArrayOf("int8", rows.stream().map(EventRow::kafkaOffset).toArray(Long[]::new)));
	}

	private static Array texts(Connection connection, List<EventRow> rows, Function<EventRow, String> column)
			throws SQLException {
		return connection.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
	}

	private static String iso(Instant instant) {
		// ISO-8601 in UTC ("...Z"): PostgreSQL parses it exactly, whatever the session's
		// time zone.
		return (instant != null) ? instant.toString() : null;
	}

}
