package io.pulsehub.points.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.google.protobuf.Timestamp.Builder;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.Topics;
import io.pulsehub.contracts.events.RiskAlert;
import io.pulsehub.contracts.events.RiskOutcome;
import io.pulsehub.points.outbox.Outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records each fired rule as an alert row and a {@code risk-alerts} message in the
 * outbox, both in the command's transaction, and counts it in {@code points.risk.alerts}
 * once that commits.
 */
class RiskAlerts {

	static final String SOURCE = "points-service";

	private final JdbcTemplate jdbc;

	private final Outbox outbox;

	private final MeterRegistry registry;

	RiskAlerts(JdbcTemplate jdbc, Outbox outbox, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.registry = registry;
	}

	void raise(String userId, RiskFinding finding, Instant at) {
		RiskOutcome outcome = (finding.action() == RiskAction.REJECT) ? RiskOutcome.REJECTED : RiskOutcome.FLAGGED;
		UUID alertId = UUID.randomUUID();
		this.jdbc.update(
				"INSERT INTO points_risk_alerts (alert_id, user_id, rule_id, outcome, detail, occurred_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?)",
				alertId, userId, finding.ruleId(), outcome.name(), finding.detail(), Timestamp.from(at));
		Builder time = com.google.protobuf.Timestamp.newBuilder()
			.setSeconds(at.getEpochSecond())
			.setNanos(at.getNano());
		RiskAlert alert = RiskAlert.newBuilder()
			.setAlertId(alertId.toString())
			.setUserId(userId)
			.setRuleId(finding.ruleId())
			.setOutcome(outcome)
			.setDetail(finding.detail())
			.setSource(SOURCE)
			.setOccurredAt(time)
			.build();
		this.outbox.add(Topics.RISK_ALERTS.name(), userId, alert.toByteArray());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				RiskAlerts.this.registry
					.counter("pulsehub.points.risk.alerts", "rule", finding.ruleId(), "outcome", outcome.name())
					.increment();
			}
		});
	}

	List<AlertView> recent(int limit) {
		return this.jdbc.query(
				"SELECT alert_id, user_id, rule_id, outcome, detail, occurred_at FROM points_risk_alerts "
						+ "ORDER BY occurred_at DESC LIMIT ?",
				(rows, i) -> new AlertView(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
						rows.getString(5), rows.getTimestamp(6).toInstant()),
				limit);
	}

}
