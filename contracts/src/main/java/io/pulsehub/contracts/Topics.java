package io.pulsehub.contracts;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of every PulseHub Kafka topic; keys are the user id so one user's events
 * stay ordered within a partition.
 * <p>
 * Values are raw bytes ({@code Serdes.ByteArray()}) for now: the issue that lands the
 * Protobuf event schemas replaces them with typed Protobuf serdes, and every user of
 * these constants then gets the typed value without changing a topic name.
 */
public final class Topics {

	/**
	 * Every user activity event accepted by ingestion; the hot and the cold path read it.
	 */
	public static final Topic<String, byte[]> USER_ACTIVITY_EVENTS = new Topic<>("user-activity-events",
			Serdes.String(), Serdes.ByteArray());

	/** Activity events a consumer could not process, with the error in the headers. */
	public static final Topic<String, byte[]> USER_ACTIVITY_EVENTS_DLT = new Topic<>("user-activity-events.DLT",
			Serdes.String(), Serdes.ByteArray());

	/** Every change to a unified profile, for sync and cache invalidation. */
	public static final Topic<String, byte[]> PROFILE_CHANGES = new Topic<>("profile-changes", Serdes.String(),
			Serdes.ByteArray());

	/** The loyalty points ledger's events, relayed from the transactional outbox. */
	public static final Topic<String, byte[]> POINTS_EVENTS = new Topic<>("points-events", Serdes.String(),
			Serdes.ByteArray());

	/** Suspicious activity flagged by points or ingestion, for operators. */
	public static final Topic<String, byte[]> RISK_ALERTS = new Topic<>("risk-alerts", Serdes.String(),
			Serdes.ByteArray());

	private static final List<Topic<?, ?>> ALL = List.of(USER_ACTIVITY_EVENTS, USER_ACTIVITY_EVENTS_DLT,
			PROFILE_CHANGES, POINTS_EVENTS, RISK_ALERTS);

	private Topics() {
	}

	/**
	 * Every topic of the catalogue, for tooling that creates or checks them all.
	 * @return the topics, in a stable order
	 */
	public static List<Topic<?, ?>> all() {
		return ALL;
	}

}
