package io.pulsehub.contracts;

import java.util.List;
import java.util.Map;

import io.pulsehub.contracts.events.PointsEvent;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.RiskAlert;
import io.pulsehub.contracts.events.SyncRouteOverridden;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of every PulseHub Kafka topic; keys are the user id so one user's events
 * stay ordered within a partition.
 * <p>
 * Values are the Protobuf messages of {@code src/main/proto} ({@link ProtobufSerde}); the
 * dead-letter topic keeps the failed record's raw bytes.
 */
public final class Topics {

	/**
	 * Every user activity event accepted by ingestion; the hot and the cold path read it.
	 */
	public static final Topic<String, UserActivityEvent> USER_ACTIVITY_EVENTS = new Topic<>("user-activity-events",
			Serdes.String(), ProtobufSerde.of(UserActivityEvent.parser()));

	/** Activity events a consumer could not process, with the error in the headers. */
	public static final Topic<String, byte[]> USER_ACTIVITY_EVENTS_DLT = new Topic<>("user-activity-events.DLT",
			Serdes.String(), Serdes.ByteArray());

	/** Every change to a unified profile, for sync and cache invalidation. */
	public static final Topic<String, ProfileChanged> PROFILE_CHANGES = new Topic<>("profile-changes", Serdes.String(),
			ProtobufSerde.of(ProfileChanged.parser()));

	/** The loyalty points ledger's events, relayed from the transactional outbox. */
	public static final Topic<String, PointsEvent> POINTS_EVENTS = new Topic<>("points-events", Serdes.String(),
			ProtobufSerde.of(PointsEvent.parser()));

	/** Suspicious activity flagged by points or ingestion, for operators. */
	public static final Topic<String, RiskAlert> RISK_ALERTS = new Topic<>("risk-alerts", Serdes.String(),
			ProtobufSerde.of(RiskAlert.parser()));

	/**
	 * The sync-service's run-time route overrides, keyed by route id; compacted, so the
	 * latest record per route is kept for ever and every instance reads it from the
	 * start.
	 */
	public static final Topic<String, SyncRouteOverridden> SYNC_ROUTE_OVERRIDES = new Topic<>("sync-route-overrides",
			Serdes.String(), ProtobufSerde.of(SyncRouteOverridden.parser()),
			Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

	private static final List<Topic<?, ?>> ALL = List.of(USER_ACTIVITY_EVENTS, USER_ACTIVITY_EVENTS_DLT,
			PROFILE_CHANGES, POINTS_EVENTS, RISK_ALERTS, SYNC_ROUTE_OVERRIDES);

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
