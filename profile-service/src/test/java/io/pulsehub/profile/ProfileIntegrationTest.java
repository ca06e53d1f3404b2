package io.pulsehub.profile;

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
 * The whole profile service with the settings of config-repo (config server and Eureka
 * off) against local-stack's real Redis, Kafka and MongoDB-protocol server, in a test
 * database; test classes that need nothing else share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.config.import=file:../config-repo/application.yml,file:../config-repo/profile-service.yml",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"pulsehub.security.internal.secret=" + ProfileApi.SECRET, "pulsehub.mongo.database=pulsehub-test",
				"pulsehub.profile.erasure.retry-interval=1s" })
@LocalStackTest(services = { Service.REDIS, Service.KAFKA, Service.MONGO })
public @interface ProfileIntegrationTest {

}
