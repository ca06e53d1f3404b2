package io.pulsehub.mesh.discovery;

import java.util.function.Supplier;

import io.pulsehub.mesh.security.MeshSecurityProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.netflix.eureka.config.DiscoveryClientOptionalArgsConfiguration;
import org.springframework.cloud.netflix.eureka.http.EurekaClientHttpRequestFactorySupplier;
import org.springframework.cloud.netflix.eureka.http.RestClientDiscoveryClientOptionalArgs;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Sends the admin login to Eureka as a header rather than inside
 * {@code eureka.client.service-url}: Eureka's client logs its service URLs, so
 * credentials written there end up in every app's log.
 */
@AutoConfiguration(before = DiscoveryClientOptionalArgsConfiguration.class)
@ConditionalOnClass({ RestClientDiscoveryClientOptionalArgs.class, RestClient.class })
@ConditionalOnProperty("pulsehub.security.admin.password")
@EnableConfigurationProperties(MeshSecurityProperties.class)
public class EurekaCredentialsAutoConfiguration {

	@Bean
	RestClientDiscoveryClientOptionalArgs eurekaCredentialsDiscoveryClientOptionalArgs(
			EurekaClientHttpRequestFactorySupplier requestFactory, ObjectProvider<RestClient.Builder> builders,
			MeshSecurityProperties properties) {
		MeshSecurityProperties.Admin admin = properties.admin();
		Supplier<RestClient.Builder> builder = () -> builders.getIfAvailable(RestClient::builder)
			.defaultHeaders((headers) -> headers.setBasicAuth(admin.username(), admin.password()));
		return new RestClientDiscoveryClientOptionalArgs(requestFactory, builder);
	}

}
