package io.pulsehub.sync;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * One sync-service on the local-stack servers, with the real config-repo settings. Every
 * class carrying it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=file:../config-repo/application.yml,file:../config-repo/sync-service.yml",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"pulsehub.security.internal.secret=" + SyncApi.SECRET, "pulsehub.mongo.database=sync-test",
				"pulsehub.sync.scheduling.drain-interval=200ms", "logging.level.kafka=warn",
				"logging.level.org.apache.kafka=warn" })
@LocalStackTest(services = { Service.REDIS, Service.KAFKA, Service.MONGO })
@interface SyncServiceTest {

}
