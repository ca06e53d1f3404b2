package io.pulsehub.points.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules themselves, pure: a command and the user's history in, the rules that fired
 * out.
 */
class RiskRules {

	static final String VELOCITY = "velocity";

	static final String COMMAND_CAP = "command-cap";

	static final String DAILY_CAP = "daily-cap";

	static final String SPEND_SPIKE = "spend-spike";

	static final String DENY_LIST = "deny-list";

	private final RiskProperties properties;

	RiskRules(RiskProperties properties) {
		this.properties = properties;
	}

	List<RiskFinding> evaluate(RiskCheck check, RiskHistory history) {
		List<RiskFinding> findings = new ArrayList<>();
		RiskProperties.DenyList deny = this.properties.denyList();
		if (deny.users().contains(check.userId())) {
			findings.add(new RiskFinding(DENY_LIST, deny.action(), "User " + check.userId() + " is on the deny list"));
		}
		RiskProperties.CommandCap cap = this.properties.commandCap();
		if (cap.enabled() && check.amount() > cap.maxAmount()) {
			findings.add(new RiskFinding(COMMAND_CAP, cap.action(),
					check.amount() + " points exceed the per-command cap of " + cap.maxAmount()));
		}
		if (check.spend()) {
			spendSpike(check, history, findings);
		}
		else {
			earnLimits(check, history, findings);
		}
		return findings;
	}

	private void earnLimits(RiskCheck check, RiskHistory history, List<RiskFinding> findings) {
		RiskProperties.Velocity velocity = this.properties.velocity();
		if (velocity.enabled() && history.earnsLastMinute() + 1 > velocity.maxEarnsPerMinute()) {
			findings.add(new RiskFinding(VELOCITY, velocity.action(),
					"More than " + velocity.maxEarnsPerMinute() + " earns in one minute"));
		}
		RiskProperties.DailyCap daily = this.properties.dailyCap();
		if (daily.enabled() && history.earnedLastDay() + check.amount() > daily.maxEarnedPerDay()) {
			findings.add(new RiskFinding(DAILY_CAP, daily.action(), (history.earnedLastDay() + check.amount())
					+ " points earned in 24 hours exceed the daily cap of " + daily.maxEarnedPerDay()));
		}
	}

	private void spendSpike(RiskCheck check, RiskHistory history, List<RiskFinding> findings) {
		RiskProperties.SpendSpike spike = this.properties.spendSpike();
		if (spike.enabled() && history.spendCount() >= spike.minHistory()
				&& check.amount() > spike.factor() * history.averageSpend()) {
			findings.add(new RiskFinding(SPEND_SPIKE, spike.action(),
					String.format(Locale.ROOT, "Spend of %d is over %.1fx the average %.1f of the last %d spends",
							check.amount(), spike.factor(), history.averageSpend(), history.spendCount())));
		}
	}

}
