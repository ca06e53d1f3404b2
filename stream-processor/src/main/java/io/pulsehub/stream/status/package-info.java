/**
 * The operator's view of this instance's Kafka Streams: state, threads and the partitions
 * each thread processes ({@code GET /admin/stream/status}).
 */
package io.pulsehub.stream.status;
