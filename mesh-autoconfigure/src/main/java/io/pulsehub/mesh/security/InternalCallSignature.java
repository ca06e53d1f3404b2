package io.pulsehub.mesh.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short-lived HMAC credential the gateway puts on every call it forwards and the
 * services check:
 * {@code v1.<epochSeconds>.<base64url(HMAC-SHA256(secret, v1|epochSeconds|METHOD|path|principal))>}.
 * Binding method, path and principal means a captured header cannot be replayed against
 * another endpoint or on behalf of another caller, and only for {@code maxAge}.
 */
public final class InternalCallSignature {

	/** Header carrying the signature. */
	public static final String HEADER = "X-PulseHub-Internal";

	/**
	 * Header carrying the caller the gateway authenticated (API key id or admin name).
	 */
	public static final String PRINCIPAL_HEADER = "X-PulseHub-Principal";

	private static final String VERSION = "v1";

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final Duration maxAge;

	private final Clock clock;

	public InternalCallSignature(String secret, Duration maxAge, Clock clock) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("pulsehub.security.internal.secret must be at least 16 characters");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.maxAge = maxAge;
		this.clock = clock;
	}

	/**
	 * Signs a call about to be forwarded.
	 * @param method HTTP method
	 * @param path the raw request path the service will see
	 * @param principal the caller the gateway authenticated
	 * @return the header value
	 */
	public String sign(String method, String path, String principal) {
		long now = this.clock.instant().getEpochSecond();
		return VERSION + "." + now + "." + mac(now, method, path, principal);
	}

	/**
	 * Checks a received header.
	 * @param header the header value, may be {@code null}
	 * @param method HTTP method of the received call
	 * @param path raw path of the received call
	 * @param principal the principal header of the received call, may be {@code null}
	 * @return the principal when the signature is valid and fresh
	 */
	public Optional<String> verify(String header, String method, String path, String principal) {
		if (header == null || principal == null) {
			return Optional.empty();
		}
		String[] parts = header.split("\\.", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			return Optional.empty();
		}
		long issuedAt;
		try {
			issuedAt = Long.parseLong(parts[1]);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		long age = this.clock.instant().getEpochSecond() - issuedAt;
		if (age < -this.maxAge.toSeconds() || age > this.maxAge.toSeconds()) {
			return Optional.empty();
		}
		byte[] expected = mac(issuedAt, method, path, principal).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = parts[2].getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual) ? Optional.of(principal) : Optional.empty();
	}

	private String mac(long issuedAt, String method, String path, String principal) {
		String payload = String.join("|", VERSION, Long.toString(issuedAt), method, path, principal);
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] digest = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
