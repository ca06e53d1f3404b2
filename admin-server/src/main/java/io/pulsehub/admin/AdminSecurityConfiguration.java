package io.pulsehub.admin;

import de.codecentric.boot.admin.server.config.AdminServerProperties;
import io.pulsehub.mesh.security.MeshSecurityAutoConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The dashboard's login: a form for people, basic auth for scripts and tests, CSRF
 * protection on everything the browser posts.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	@Bean(MeshSecurityAutoConfiguration.APPLICATION_CHAIN)
	SecurityFilterChain applicationSecurityFilterChain(HttpSecurity http, AdminServerProperties adminServer) {
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setTargetUrlParameter("redirectTo");
		success.setDefaultTargetUrl(adminServer.path("/"));
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(adminServer.path("/assets/**"), adminServer.path("/login"), "/error")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.formLogin((form) -> form.loginPage(adminServer.path("/login")).successHandler(success))
			.logout((logout) -> logout.logoutUrl(adminServer.path("/logout")))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(adminServer.path("/instances"), adminServer.path("/instances/*")))
			.build();
	}

}
