package io.pulsehub.points.risk;

/**
 * A rule that fired.
 *
 * @param ruleId the rule
 * @param action what it does
 * @param detail why it fired
 */
record RiskFinding(String ruleId, RiskAction action, String detail) {

}
