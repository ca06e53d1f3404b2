/**
 * The write side: earn, spend and reverse commands on the append-only ledger, with
 * idempotency keys and optimistic concurrency.
 */
package io.pulsehub.points.ledger;
