package io.pulsehub.gateway.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API keys the gateway accepts on {@code /api/**}, stored as SHA-256 hashes so the
 * configuration never holds a usable key.
 *
 * @param apiKeys the accepted keys
 */
@Validated
@ConfigurationProperties("pulsehub.gateway")
public record ApiKeyProperties(@DefaultValue List<@Valid ApiKey> apiKeys) {

	/**
	 * One accepted key.
	 *
	 * @param id the name the key is known by in logs, metrics and rate limits
	 * @param sha256 hex SHA-256 of the key ({@code printf %s KEY | sha256sum})
	 */
	public record ApiKey(@NotBlank String id, @Pattern(regexp = "[0-9a-f]{64}") String sha256) {
	}

}
