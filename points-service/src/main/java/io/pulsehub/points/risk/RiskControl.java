package io.pulsehub.points.risk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates every rule on a command before it is accepted, inside the command's
 * transaction: each fired rule raises an alert; the first rejecting one refuses the
 * command.
 */
public class RiskControl {

	private final RiskRules rules;

	private final RiskHistoryStore history;

	private final RiskAlerts alerts;

	private final Clock clock;

	RiskControl(RiskRules rules, RiskHistoryStore history, RiskAlerts alerts, Clock clock) {
		this.rules = rules;
		this.history = history;
		this.alerts = alerts;
		this.clock = clock;
	}

	/**
	 * Judges a command; must run in the transaction that would apply it.
	 * @param check the command
	 * @return the rejection, or empty if the command may go ahead (perhaps flagged)
	 */
	public Optional<RiskRejection> assess(RiskCheck check) {
		List<RiskFinding> findings = this.rules.evaluate(check, this.history.history(check.userId()));
		Instant now = this.clock.instant();
		findings.forEach((finding) -> this.alerts.raise(check.userId(), finding, now));
		return findings.stream()
			.filter((finding) -> finding.action() == RiskAction.REJECT)
			.findFirst()
			.map((finding) -> new RiskRejection(finding.ruleId(), finding.detail()));
	}

}
