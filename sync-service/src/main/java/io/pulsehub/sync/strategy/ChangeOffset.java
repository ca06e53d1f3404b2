package io.pulsehub.sync.strategy;

/**
 * Where a change was read from, and how to commit past it.
 *
 * @param partition the topic partition, e.g. {@code profile-changes-3}
 * @param offset the record's offset
 * @param commit acknowledges the record (and, Kafka offsets being per partition, every
 * earlier one of its partition)
 */
public record ChangeOffset(String partition, long offset, Runnable commit) {

}
