/**
 * The sync strategies ({@link io.pulsehub.sync.strategy.SyncStrategy}: write-through,
 * write-behind, scheduled, skip), the shared Redis-to-MongoDB copy they use, the dirty
 * set and its single active drainer, and the offset bookkeeping that commits a change's
 * offset only once it is durable.
 */
package io.pulsehub.sync.strategy;
