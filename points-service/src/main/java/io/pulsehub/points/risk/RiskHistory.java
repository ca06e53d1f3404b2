package io.pulsehub.points.risk;

/**
 * What the rules need to know of a user's recent ledger.
 *
 * @param earnsLastMinute EARNED events in the last minute
 * @param earnedLastDay points earned in the last 24 hours
 * @param spendCount spends in the look-back window
 * @param averageSpend their average amount, 0 without any
 */
record RiskHistory(long earnsLastMinute, long earnedLastDay, long spendCount, double averageSpend) {

}
