package io.pulsehub.mesh.security;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Security every servlet app of the mesh shares: actuator health/info/prometheus open and
 * every other actuator endpoint behind the admin login; {@code /api/**} and
 * {@code /admin/**} only for calls the gateway signed; everything else either refused
 * (services: only their API docs are open) or behind the admin login
 * ({@code pulsehub.security.application-access=admin}: Eureka, config server), unless the
 * application declares its own {@code applicationSecurityFilterChain}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(MeshSecurityProperties.class)
public class MeshSecurityAutoConfiguration {

	/** Order of the actuator chain; applications order their own chains after it. */
	public static final int ACTUATOR_ORDER = 10;

	/** Order of the internal-call chain. */
	public static final int INTERNAL_ORDER = 20;

	/** Bean name an application uses to replace the default catch-all chain. */
	public static final String APPLICATION_CHAIN = "applicationSecurityFilterChain";

	private static final Log logger = LogFactory.getLog(MeshSecurityAutoConfiguration.class);

	private static final String BASIC_CHALLENGE = "Basic realm=\"PulseHub\"";

	/**
	 * Cost 4: the password comes from the environment rather than from users, and basic
	 * auth checks it on every Eureka heartbeat and Admin poll, so a slow hash would burn
	 * CPU on 2 cores without buying anything.
	 */
	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder meshPasswordEncoder() {
		return new BCryptPasswordEncoder(4);
	}

	@Bean
	@ConditionalOnMissingBean(UserDetailsService.class)
	InMemoryUserDetailsManager meshAdminUsers(MeshSecurityProperties properties, PasswordEncoder encoder) {
		MeshSecurityProperties.Admin admin = properties.admin();
		if (admin.password() == null || admin.password().isBlank()) {
			logger.warn("pulsehub.security.admin.password is not set: no admin login exists");
			return new InMemoryUserDetailsManager();
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(admin.username()).password(encoder.encode(admin.password())).roles("ADMIN").build());
	}

	@Bean
	@ConditionalOnMissingBean
	InternalCallSignature internalCallSignature(MeshSecurityProperties properties) {
		String secret = properties.internal().secret();
		if (secret == null || secret.isBlank()) {
			logger.info("pulsehub.security.internal.secret is not set: every /api and /admin call will be refused");
			return null;
		}
		return new InternalCallSignature(secret, properties.internal().maxAge(), Clock.systemUTC());
	}

	@Bean
	@Order(ACTUATOR_ORDER)
	SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) {
		ProblemAuthenticationEntryPoint refusal = new ProblemAuthenticationEntryPoint("Admin credentials are required.",
				BASIC_CHALLENGE);
		refuseStatelessly(http, refusal);
		return http.securityMatcher("/actuator", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(refusal))
			.build();
	}

	@Bean
	@Order(INTERNAL_ORDER)
	SecurityFilterChain internalCallSecurityFilterChain(HttpSecurity http,
			ObjectProvider<InternalCallSignature> signature) {
		ProblemAuthenticationEntryPoint refusal = new ProblemAuthenticationEntryPoint(
				"Call through the gateway: this service accepts only calls the gateway signed.", null);
		refuseStatelessly(http, refusal);
		return http.securityMatcher("/api/**", "/admin/**")
			.addFilterBefore(new InternalCallFilter(signature.getIfAvailable()), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("GATEWAY"))
			.build();
	}

	@Bean(APPLICATION_CHAIN)
	@ConditionalOnMissingBean(name = APPLICATION_CHAIN)
	SecurityFilterChain applicationSecurityFilterChain(HttpSecurity http, MeshSecurityProperties properties) {
		if (properties.applicationAccess() == MeshSecurityProperties.ApplicationAccess.ADMIN) {
			ProblemAuthenticationEntryPoint refusal = new ProblemAuthenticationEntryPoint(
					"Admin credentials are required.", BASIC_CHALLENGE);
			refuseStatelessly(http, refusal);
			return http
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers("/error").permitAll().anyRequest().hasRole("ADMIN"))
				.httpBasic((basic) -> basic.authenticationEntryPoint(refusal))
				.build();
		}
		ProblemAuthenticationEntryPoint refusal = new ProblemAuthenticationEntryPoint("Not available.", null);
		refuseStatelessly(http, refusal);
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
				.permitAll()
				.anyRequest()
				.denyAll())
			.build();
	}

	/**
	 * What every chain here shares: refusals as problem details, no session, no CSRF
	 * token (nothing is served to browsers with a session), no saved requests.
	 */
	private static void refuseStatelessly(HttpSecurity http, ProblemAuthenticationEntryPoint refusal) {
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(refusal).accessDeniedHandler(refusal))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
	}

}
