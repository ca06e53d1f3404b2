package io.pulsehub.ingestion.archive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole ingestion service against local-stack's real Kafka and PostgreSQL, with short
 * back-offs; every archive integration test class uses exactly this, so they share one
 * application context (and one {@code cold-archiver} consumer).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "spring.cloud.config.enabled=false", "eureka.client.enabled=false",
		"pulsehub.security.admin.username=ops", "pulsehub.security.admin.password=ops-password",
		"pulsehub.security.internal.secret=test-internal-secret-0123456789",
		// as config-repo/ingestion-service.yml sizes the pool, with a short wait for a
		// connection so an outage shows quickly
		"spring.datasource.hikari.pool-name=ingestion-archive", "spring.datasource.hikari.maximum-pool-size=4",
		"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500",
		"pulsehub.ingestion.archive.batch-size=200", "pulsehub.ingestion.archive.retry.initial-interval=100ms",
		"pulsehub.ingestion.archive.retry.max-interval=1s", "pulsehub.ingestion.archive.retry.poison-retries=2",
		"pulsehub.ingestion.archive.lag-refresh-interval=500ms" })
@LocalStackTest(services = { Service.KAFKA, Service.POSTGRES }, database = "pulsehub_ingestion")
@interface ArchiveIntegrationTest {

}
