package io.pulsehub.gateway.security;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAuthenticationManagerTests {

	private final ApiKeyAuthenticationManager manager = new ApiKeyAuthenticationManager(new ApiKeyProperties(List
		.of(new ApiKeyProperties.ApiKey("web", hash("web-key")), new ApiKeyProperties.ApiKey("ios", hash("ios-key")))));

	@Test
	void authenticatesAKnownKeyAsItsIdWithoutKeepingTheKey() {
		StepVerifier.create(this.manager.authenticate(ApiKeyAuthentication.presented("ios-key")))
			.assertNext((authentication) -> {
				assertThat(authentication.isAuthenticated()).isTrue();
				assertThat(authentication.getName()).isEqualTo("ios");
				assertThat(authentication.getCredentials()).isNull();
				assertThat(authentication.getAuthorities()).extracting(Object::toString)
					.containsExactly("ROLE_API_CLIENT");
			})
			.verifyComplete();
	}

	@Test
	void refusesAnUnknownKey() {
		StepVerifier.create(this.manager.authenticate(ApiKeyAuthentication.presented("guess")))
			.expectError(BadCredentialsException.class)
			.verify();
	}

	@Test
	void leavesOtherAuthenticationsToOtherManagers() {
		StepVerifier.create(this.manager.authenticate(new UsernamePasswordAuthenticationToken("admin", "pw")))
			.verifyComplete();
	}

	private static String hash(String key) {
		return HexFormat.of().formatHex(ApiKeyAuthenticationManager.sha256(key));
	}

}
