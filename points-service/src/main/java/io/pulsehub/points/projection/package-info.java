/**
 * The read model in Redis: the {@code pts.*} profile fields, kept by a Kafka projector
 * and rebuildable from the ledger.
 */
package io.pulsehub.points.projection;
