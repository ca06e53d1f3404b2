package io.pulsehub.gateway.forwarding;

import java.time.Clock;

import io.pulsehub.mesh.security.InternalCallSignature;
import io.pulsehub.mesh.security.MeshSecurityProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the signing of forwarded calls; without a secret the gateway forwards unsigned
 * calls, which every service refuses.
 */
@Configuration(proxyBeanMethods = false)
class ForwardingConfiguration {

	private static final Log logger = LogFactory.getLog(ForwardingConfiguration.class);

	@Bean
	InternalCallSigningFilter internalCallSigningFilter(MeshSecurityProperties properties) {
		String secret = properties.internal().secret();
		if (secret == null || secret.isBlank()) {
			logger.warn("pulsehub.security.internal.secret is not set: services will refuse every forwarded call");
			return new InternalCallSigningFilter(null);
		}
		return new InternalCallSigningFilter(
				new InternalCallSignature(secret, properties.internal().maxAge(), Clock.systemUTC()));
	}

}
