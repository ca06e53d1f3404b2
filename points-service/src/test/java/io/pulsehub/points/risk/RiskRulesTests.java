package io.pulsehub.points.risk;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule fires exactly past its threshold, with its configured action.
 */
class RiskRulesTests {

	private static final RiskHistory QUIET = new RiskHistory(0, 0, 0, 0);

	private final RiskRules rules = new RiskRules(
			new RiskProperties(new RiskProperties.Velocity(true, 3, RiskAction.REJECT),
					new RiskProperties.CommandCap(true, 100, RiskAction.REJECT),
					new RiskProperties.DailyCap(true, 250, RiskAction.FLAG),
					new RiskProperties.SpendSpike(true, 5, 3, 20, RiskAction.FLAG),
					new RiskProperties.DenyList(Set.of("mallory"), RiskAction.REJECT)));

	@Test
	void letsAnOrdinaryCommandThrough() {
		assertThat(this.rules.evaluate(new RiskCheck("alice", false, 50), QUIET)).isEmpty();
		assertThat(this.rules.evaluate(new RiskCheck("alice", true, 50), QUIET)).isEmpty();
	}

	@Test
	void rejectsTheEarnPastTheVelocityLimit() {
		assertThat(ids(new RiskCheck("alice", false, 1), new RiskHistory(2, 0, 0, 0))).isEmpty();
		assertThat(this.rules.evaluate(new RiskCheck("alice", false, 1), new RiskHistory(3, 0, 0, 0)))
			.containsExactly(new RiskFinding(RiskRules.VELOCITY, RiskAction.REJECT, "More than 3 earns in one minute"));
		assertThat(ids(new RiskCheck("alice", true, 1), new RiskHistory(3, 0, 0, 0))).isEmpty();
	}

	@Test
	void capsOneCommandAndOneDay() {
		assertThat(ids(new RiskCheck("alice", false, 100), QUIET)).isEmpty();
		assertThat(ids(new RiskCheck("alice", true, 101), QUIET)).containsExactly(RiskRules.COMMAND_CAP);
		assertThat(ids(new RiskCheck("alice", false, 50), new RiskHistory(0, 200, 0, 0))).isEmpty();
		assertThat(this.rules.evaluate(new RiskCheck("alice", false, 51), new RiskHistory(0, 200, 0, 0)))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.ruleId()).isEqualTo(RiskRules.DAILY_CAP);
				assertThat(finding.action()).isEqualTo(RiskAction.FLAG);
			});
	}

	@Test
	void flagsASpendFarAboveTheUsualOnceThereIsHistory() {
		assertThat(ids(new RiskCheck("alice", true, 60), new RiskHistory(0, 0, 2, 10))).isEmpty();
		assertThat(ids(new RiskCheck("alice", true, 50), new RiskHistory(0, 0, 3, 10))).isEmpty();
		assertThat(ids(new RiskCheck("alice", true, 51), new RiskHistory(0, 0, 3, 10)))
			.containsExactly(RiskRules.SPEND_SPIKE);
	}

	@Test
	void rejectsDeniedUsersWhateverTheyDo() {
		assertThat(ids(new RiskCheck("mallory", false, 1), QUIET)).containsExactly(RiskRules.DENY_LIST);
		assertThat(ids(new RiskCheck("mallory", true, 1), QUIET)).containsExactly(RiskRules.DENY_LIST);
	}

	@Test
	void skipsDisabledRules() {
		RiskRules off = new RiskRules(new RiskProperties(new RiskProperties.Velocity(false, 0, RiskAction.REJECT),
				new RiskProperties.CommandCap(false, 0, RiskAction.REJECT),
				new RiskProperties.DailyCap(false, 0, RiskAction.REJECT),
				new RiskProperties.SpendSpike(false, 0, 0, 20, RiskAction.REJECT),
				new RiskProperties.DenyList(Set.of(), RiskAction.REJECT)));
		assertThat(off.evaluate(new RiskCheck("alice", false, 1_000_000), new RiskHistory(99, 99, 99, 1))).isEmpty();
	}

	private List<String> ids(RiskCheck check, RiskHistory history) {
		return this.rules.evaluate(check, history).stream().map(RiskFinding::ruleId).toList();
	}

}
