package io.pulsehub.points.projection;

/**
 * One user's totals as the ledger events add them up.
 *
 * @param userId the user
 * @param version the last sequence
 * @param balance the balance after it
 * @param lifetimeEarned points ever earned, reversed earns subtracted
 * @param lifetimeSpent points ever spent, reversed spends subtracted
 */
record LedgerTotals(String userId, long version, long balance, long lifetimeEarned, long lifetimeSpent) {

}
