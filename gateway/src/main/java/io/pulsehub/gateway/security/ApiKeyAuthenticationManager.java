package io.pulsehub.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Accepts a presented API key when its SHA-256 equals one of the configured hashes,
 * compared in constant time.
 */
final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

	private final List<ApiKeyProperties.ApiKey> keys;

	ApiKeyAuthenticationManager(ApiKeyProperties properties) {
		this.keys = List.copyOf(properties.apiKeys());
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof ApiKeyAuthentication presented)) {
			return Mono.empty();
		}
		byte[] hash = HexFormat.of().formatHex(sha256(presented.presentedKey())).getBytes(StandardCharsets.US_ASCII);
		String match = null;
		for (ApiKeyProperties.ApiKey key : this.keys) {
			if (MessageDigest.isEqual(hash, key.sha256().getBytes(StandardCharsets.US_ASCII))) {
				match = key.id();
			}
		}
		return (match != null) ? Mono.just(ApiKeyAuthentication.authenticated(match))
				: Mono.error(new BadCredentialsException("Unknown API key"));
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
