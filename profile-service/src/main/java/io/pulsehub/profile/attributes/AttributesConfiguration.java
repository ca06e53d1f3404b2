package io.pulsehub.profile.attributes;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.profile.cache.ProfileCache;
import io.pulsehub.profile.core.ProfileChangePublisher;
import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.ProfileHashStore;
import io.pulsehub.profile.core.StoreProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the attributes API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttributeProperties.class)
class AttributesConfiguration {

	@Bean
	AttributeWriter attributeWriter(ProfileHashStore hashes, ProfileDocumentStore documents,
			ProfileChangePublisher changes, ProfileCache cache, AttributeProperties properties, Clock clock,
			StoreProperties store) {
		return new AttributeWriter(hashes, documents, changes, cache, properties, clock, store.retryAfter());
	}

	@Bean
	AttributeOutboxRelay attributeOutboxRelay(ProfileHashStore hashes, ProfileChangePublisher changes,
			AttributeProperties properties, Clock clock, MeterRegistry registry) {
		return new AttributeOutboxRelay(hashes, changes, clock, properties.outboxRelayInterval(), registry);
	}

}
