package io.pulsehub.points;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole points service against local-stack's real PostgreSQL, Kafka and Redis, with
 * the pools, routing and rules of config-repo/points-service.yml; every integration test
 * class that needs a healthy replica uses exactly this, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"spring.mvc.problemdetails.enabled=true", "spring.threads.virtual.enabled=true",
				"pulsehub.security.admin.username=ops", "pulsehub.security.admin.password=ops-password",
				"pulsehub.security.internal.secret=" + PointsApi.SECRET, "spring.datasource.dynamic.primary=primary",
				"spring.datasource.dynamic.strict=true",
				"spring.datasource.dynamic.datasource.primary.pool-name=points-primary",
				"spring.datasource.dynamic.datasource.primary.url=${spring.datasource.url}",
				"spring.datasource.dynamic.datasource.primary.username=${spring.datasource.username}",
				"spring.datasource.dynamic.datasource.primary.password=${spring.datasource.password}",
				"spring.datasource.dynamic.datasource.primary.hikari.maximum-pool-size=8",
				"spring.datasource.dynamic.datasource.primary.hikari.connection-timeout="
						+ "${points.test.primary-connection-timeout:5000}",
				"spring.datasource.dynamic.datasource.replica.pool-name=points-replica",
				"spring.datasource.dynamic.datasource.replica.url=${points.test.replica-url:${spring.datasource.url}"
						+ "?options=-c%20default_transaction_read_only=on}",
				"spring.datasource.dynamic.datasource.replica.username=${spring.datasource.username}",
				"spring.datasource.dynamic.datasource.replica.password=${spring.datasource.password}",
				"spring.datasource.dynamic.datasource.replica.hikari.maximum-pool-size=6",
				"spring.datasource.dynamic.datasource.replica.hikari.connection-timeout=1000",
				"spring.datasource.dynamic.datasource.replica.hikari.initialization-fail-timeout=-1",
				"pulsehub.points.outbox.metrics-interval=200ms", "pulsehub.points.replica.probe-interval=500ms",
				"pulsehub.points.risk.deny-list.users=" + PointsIntegrationTest.DENIED_USER })
@LocalStackTest(services = { Service.POSTGRES, Service.KAFKA, Service.REDIS }, database = "pulsehub_points")
public @interface PointsIntegrationTest {

	/** A user on the deny list of every integration test context. */
	String DENIED_USER = "denied-user";

}
