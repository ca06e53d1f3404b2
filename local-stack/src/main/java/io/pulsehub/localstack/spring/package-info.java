/**
 * Hands the local-stack servers of a {@code @LocalStackTest} class to its Spring test
 * context as the standard Spring Boot connection properties, the way
 * {@code @ServiceConnection} does for Testcontainers.
 */
package io.pulsehub.localstack.spring;
