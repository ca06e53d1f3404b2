package io.pulsehub.localstack.spring;

import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain Spring test context, without Boot, sees exactly the servers it asked for.
 */
@SpringJUnitConfig(LocalStackContextCustomizerIntegrationTests.Empty.class)
@LocalStackTest(services = { Service.REDIS, Service.POSTGRES }, database = "pulsehub_ingestion")
class LocalStackContextCustomizerIntegrationTests {

	@Autowired
	Environment environment;

	@Test
	void seesTheAddressesOfTheRequestedServers() {
		assertThat(this.environment.getProperty("spring.data.redis.url")).isEqualTo(LocalStack.redis().url());
		assertThat(this.environment.getProperty("spring.datasource.url"))
			.isEqualTo(LocalStack.postgres().jdbcUrl("pulsehub_ingestion"));
		assertThat(this.environment.getProperty("spring.datasource.username")).isEqualTo("ingestion");
		assertThat(this.environment.getProperty("spring.datasource.password"))
			.isEqualTo(LocalStack.postgres().password());
	}

	@Test
	void seesNothingOfTheServersItDidNotAskFor() {
		assertThat(this.environment.containsProperty("spring.kafka.bootstrap-servers")).isFalse();
		assertThat(this.environment.containsProperty("spring.mongodb.uri")).isFalse();
	}

	// Not named *Tests: the parent's surefire excludes replace the default exclusion of
	// inner classes, so surefire would run it on its own.
	@Nested
	class InANestedClass {

		@Autowired
		Environment nestedEnvironment;

		@Test
		void inheritTheServersOfTheEnclosingClass() {
			assertThat(this.nestedEnvironment.getProperty("spring.data.redis.url")).isEqualTo(LocalStack.redis().url());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
