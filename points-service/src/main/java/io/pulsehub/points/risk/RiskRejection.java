package io.pulsehub.points.risk;

/**
 * A rule's refusal of a command.
 *
 * @param ruleId the rule, such as {@code velocity}
 * @param detail why, for the caller
 */
public record RiskRejection(String ruleId, String detail) {

}
