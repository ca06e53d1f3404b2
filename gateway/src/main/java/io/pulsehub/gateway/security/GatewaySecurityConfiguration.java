package io.pulsehub.gateway.security;

import io.pulsehub.mesh.security.MeshSecurityProperties;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may pass the door: {@code /api/**} with an API key, {@code /admin/**} and actuator
 * endpoints other than health/info/prometheus with the admin login, the Swagger UI and
 * API documents for anyone; everything else is refused. Every refusal is a 401 problem
 * detail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeshSecurityProperties.class)
class GatewaySecurityConfiguration {

	/** Header carrying the API key. */
	static final String API_KEY_HEADER = "X-Api-Key";

	@Bean
	@Order(1)
	SecurityWebFilterChain apiSecurityFilterChain(ServerHttpSecurity http, ApiKeyProperties keys) {
		ServerAuthenticationEntryPoint refusal = refusal("A valid X-Api-Key header is required.", null);
		AuthenticationWebFilter apiKeys = new AuthenticationWebFilter(new ApiKeyAuthenticationManager(keys));
		apiKeys.setServerAuthenticationConverter(
				(exchange) -> Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER))
					.filter((key) -> !key.isBlank())
					.map(ApiKeyAuthentication::presented));
		apiKeys.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(refusal));
		apiKeys.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
			.addFilterAt(apiKeys, SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasRole("API_CLIENT"))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(refusal))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.csrf((csrf) -> csrf.disable())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			// No saved requests (nothing redirects to a login page): the default cache
			// opened a web session per call, which hopped to two other thread pools.
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain adminSecurityFilterChain(ServerHttpSecurity http) {
		ServerAuthenticationEntryPoint refusal = refusal("Admin credentials are required.", "Basic realm=\"PulseHub\"");
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**",
						"/gateway/api-docs/**")
				.permitAll()
				.pathMatchers("/admin/**", "/actuator/**")
				.hasRole("ADMIN")
				.anyExchange()
				.denyAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(refusal))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(refusal)
				.accessDeniedHandler((exchange, ex) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
						ProblemResponses.FORBIDDEN, "Access is denied.")))
			.formLogin((form) -> form.disable())
			.csrf((csrf) -> csrf.disable())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	@Bean
	PasswordEncoder gatewayPasswordEncoder() {
		// Cost 4: the admin password comes from the environment and is checked per
		// request.
		return new BCryptPasswordEncoder(4);
	}

	@Bean
	MapReactiveUserDetailsService adminUsers(MeshSecurityProperties properties, PasswordEncoder encoder) {
		MeshSecurityProperties.Admin admin = properties.admin();
		if (admin.password() == null || admin.password().isBlank()) {
			return new MapReactiveUserDetailsService(
					User.withUsername(admin.username()).password("{noop}").disabled(true).roles("ADMIN").build());
		}
		return new MapReactiveUserDetailsService(
				User.withUsername(admin.username()).password(encoder.encode(admin.password())).roles("ADMIN").build());
	}

	private static ServerAuthenticationEntryPoint refusal(String detail, String challenge) {
		return (exchange, ex) -> {
			if (challenge != null) {
				exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			}
			return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, ProblemResponses.UNAUTHORIZED, detail);
		};
	}

}
