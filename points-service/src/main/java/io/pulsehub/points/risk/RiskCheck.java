package io.pulsehub.points.risk;

/**
 * A command as risk control sees it.
 *
 * @param userId the user
 * @param spend true for a spend, false for an earn
 * @param amount points, positive
 */
public record RiskCheck(String userId, boolean spend, long amount) {

}
