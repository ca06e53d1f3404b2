/**
 * The stream-processor: a Kafka Streams topology turning activity events into real-time
 * profile tags in Redis and trending items.
 */
package io.pulsehub.stream;
