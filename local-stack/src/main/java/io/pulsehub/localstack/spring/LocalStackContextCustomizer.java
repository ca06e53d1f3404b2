package io.pulsehub.localstack.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.Service;
import io.pulsehub.localstack.postgres.LocalPostgres;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the requested servers and puts their addresses in front of every other property
 * source, so they win over application and test configuration.
 * <p>
 * A record on purpose: Spring caches test contexts by their customizers' equality, so
 * classes that ask for the same servers and database share one context.
 *
 * @param services the servers the test class asked for
 * @param database the PostgreSQL database for {@code spring.datasource.*}
 */
record LocalStackContextCustomizer(Set<Service> services, String database) implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "localStack";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		LocalStack.start(this.services);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties()));
	}

	/**
	 * The Spring Boot 4 connection properties of the requested servers.
	 * @return the properties by name
	 */
	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.services.contains(Service.KAFKA)) {
			properties.put("spring.kafka.bootstrap-servers", LocalStack.kafka().bootstrapServers());
		}
		if (this.services.contains(Service.REDIS)) {
			properties.put("spring.data.redis.url", LocalStack.redis().url());
		}
		if (this.services.contains(Service.POSTGRES)) {
			LocalPostgres postgres = LocalStack.postgres();
			properties.put("spring.datasource.url", postgres.jdbcUrl(this.database));
			properties.put("spring.datasource.username", postgres.userFor(this.database));
			properties.put("spring.datasource.password", postgres.password());
		}
		if (this.services.contains(Service.MONGO)) {
			// Boot 4's name: Boot 3's spring.data.mongodb.uri moved here.
			properties.put("spring.mongodb.uri", LocalStack.mongo().connectionString());
		}
		return properties;
	}

}
