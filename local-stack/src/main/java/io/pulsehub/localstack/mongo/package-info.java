/**
 * A MongoDB wire-protocol server ({@code mongo-java-server}) with its H2 file backend,
 * the stand-in for {@code mongod}, which cannot be had without Docker here. It lacks
 * sessions, transactions, TTL expiry and collation; real MongoDB comes in through
 * {@code MONGODB_URI}.
 */
package io.pulsehub.localstack.mongo;
