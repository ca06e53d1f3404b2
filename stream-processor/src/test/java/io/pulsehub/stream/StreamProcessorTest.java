package io.pulsehub.stream;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The stream-processor on local-stack's Kafka and Redis, configured by the real
 * {@code config-repo} files; one shared application context for every test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.config.import=file:../config-repo/application.yml,file:../config-repo/stream-processor.yml",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"spring.kafka.streams.state-dir=target/streams-it/main-${random.uuid}",
				"pulsehub.stream.trending-refresh=1s", "pulsehub.stream.redis-retry-for=5s" })
@LocalStackTest(services = { Service.KAFKA, Service.REDIS })
@interface StreamProcessorTest {

}
