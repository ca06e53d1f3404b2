/**
 * The cold path: archives every {@code user-activity-events} record in PostgreSQL
 * ({@code activity_events}, daily range partitions), exactly once per event id, with
 * poison records sent to the dead-letter topic and database outages waited out.
 */
package io.pulsehub.ingestion.archive;
