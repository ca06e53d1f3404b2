package io.pulsehub.points.risk;

/**
 * What a rule does when it fires; both publish a risk alert.
 */
public enum RiskAction {

	/** The command is refused with 422 {@code risk-rejected}. */
	REJECT,

	/** The command goes through and is flagged for operators. */
	FLAG

}
