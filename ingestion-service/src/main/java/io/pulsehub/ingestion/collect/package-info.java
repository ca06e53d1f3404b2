/**
 * The collection API: validates activity events, truncates IPs and produces them to
 * Kafka, answering only after the broker acknowledged them.
 */
package io.pulsehub.ingestion.collect;
