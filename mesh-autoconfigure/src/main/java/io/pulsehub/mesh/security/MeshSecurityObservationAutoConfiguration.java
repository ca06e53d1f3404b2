package io.pulsehub.mesh.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observations of Spring Security's filters in any app of the mesh, servlet or
 * reactive (filter chain before and after, authentication, authorization, each a timer
 * and a long-task timer on every call): about 8 % of the gateway's CPU per call and half
 * of the Micrometer share of points-service's (docs/benchmarks.md). Refusals still show
 * in {@code http.server.requests} with status 401/403.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class MeshSecurityObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings meshSecurityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}
