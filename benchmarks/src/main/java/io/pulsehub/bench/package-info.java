/**
 * Measurements of a running PulseHub against ceilings taken in the same run (raw Kafka
 * producer, raw PostgreSQL COPY, direct call vs gateway); run by
 * {@code ./pulsehub bench-ingest}, reported in {@code docs/benchmarks.md}.
 */
package io.pulsehub.bench;
