package io.pulsehub.profile.read;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.profile.cache.CacheProperties;
import io.pulsehub.profile.cache.ProfileCache;
import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.ProfileHashStore;
import io.pulsehub.profile.core.StoreProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the read path.
 */
@Configuration(proxyBeanMethods = false)
class ReadConfiguration {

	@Bean
	ProfileReader profileReader(ProfileCache cache, ProfileHashStore hashes, ProfileDocumentStore documents,
			MeterRegistry registry, StoreProperties store) {
		return new ProfileReader(cache, hashes, documents, new ReadMetrics(registry), store.retryAfter());
	}

	@Bean
	ProfilePrewarmer profilePrewarmer(ProfileDocumentStore documents, ProfileReader reader,
			CacheProperties properties) {
		return new ProfilePrewarmer(documents, reader, properties.prewarmSize());
	}

}
