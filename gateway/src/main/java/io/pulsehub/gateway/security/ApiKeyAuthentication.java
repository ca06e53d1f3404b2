package io.pulsehub.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller of {@code /api/**}: unauthenticated it carries the presented key,
 * authenticated only the key's id.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final String keyId;

	private final transient String presentedKey;

	private ApiKeyAuthentication(String keyId, String presentedKey, boolean authenticated) {
		super(authenticated ? List.of(new SimpleGrantedAuthority("ROLE_API_CLIENT")) : List.of());
		this.keyId = keyId;
		this.presentedKey = presentedKey;
		setAuthenticated(authenticated);
	}

	static ApiKeyAuthentication presented(String key) {
		return new ApiKeyAuthentication(null, key, false);
	}

	static ApiKeyAuthentication authenticated(String keyId) {
		return new ApiKeyAuthentication(keyId, null, true);
	}

	String presentedKey() {
		return this.presentedKey;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.keyId;
	}

	@Override
	public String getName() {
		return (this.keyId != null) ? this.keyId : "";
	}

}
