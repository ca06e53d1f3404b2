package io.pulsehub.sync.admin;

import io.pulsehub.sync.store.ProfileDocuments;
import io.pulsehub.sync.store.RedisProfiles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the drift check.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	@Bean
	DriftChecker driftChecker(RedisProfiles redis, ProfileDocuments documents) {
		return new DriftChecker(redis, documents);
	}

}
