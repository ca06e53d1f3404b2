/**
 * A real Kafka broker in KRaft combined mode (broker and controller in one node), run
 * in-process from Kafka's own server classes so it behaves like the production broker,
 * plus the creation of the catalogue topics on it.
 */
package io.pulsehub.localstack.kafka;
