package io.pulsehub.mesh.ping;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Registers the routing probe of a service that sets {@code pulsehub.ping.path}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnProperty("pulsehub.ping.path")
public class PingAutoConfiguration {

	@Bean
	PingController pingController(Environment environment) {
		String service = environment.getProperty("spring.application.name", "application");
		String instance = environment.getProperty("eureka.instance.instance-id", service);
		return new PingController(service, instance);
	}

}
