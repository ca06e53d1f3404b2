package io.pulsehub.mesh.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InternalCallSignatureTests {

	private static final String SECRET = "a-secret-of-enough-length";

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final InternalCallSignature gateway = signatureAt(NOW);

	@Test
	void acceptsACallSignedForTheSameMethodPathAndPrincipal() {
		String header = this.gateway.sign("GET", "/api/v1/profiles/u1", "dev");
		assertThat(this.gateway.verify(header, "GET", "/api/v1/profiles/u1", "dev")).hasValue("dev");
	}

	@Test
	void refusesACallReplayedAgainstAnotherEndpointOrForAnotherCaller() {
		String header = this.gateway.sign("GET", "/api/v1/profiles/u1", "dev");
		assertThat(this.gateway.verify(header, "DELETE", "/api/v1/profiles/u1", "dev")).isEmpty();
		assertThat(this.gateway.verify(header, "GET", "/api/v1/profiles/u2", "dev")).isEmpty();
		assertThat(this.gateway.verify(header, "GET", "/api/v1/profiles/u1", "admin")).isEmpty();
	}

	@Test
	void refusesASignatureOlderOrNewerThanMaxAge() {
		String header = this.gateway.sign("GET", "/api", "dev");
		assertThat(signatureAt(NOW.plusSeconds(31)).verify(header, "GET", "/api", "dev")).isEmpty();
		assertThat(signatureAt(NOW.minusSeconds(31)).verify(header, "GET", "/api", "dev")).isEmpty();
		assertThat(signatureAt(NOW.plusSeconds(29)).verify(header, "GET", "/api", "dev")).hasValue("dev");
	}

	@Test
	void refusesASignatureMadeWithAnotherSecret() {
		InternalCallSignature forger = new InternalCallSignature("another-secret-of-length", Duration.ofSeconds(30),
				Clock.fixed(NOW, ZoneOffset.UTC));
		String header = forger.sign("GET", "/api", "dev");
		assertThat(this.gateway.verify(header, "GET", "/api", "dev")).isEmpty();
	}

	@Test
	void refusesMissingAndMalformedHeaders() {
		assertThat(this.gateway.verify(null, "GET", "/api", "dev")).isEmpty();
		assertThat(this.gateway.verify(this.gateway.sign("GET", "/api", "dev"), "GET", "/api", null)).isEmpty();
		assertThat(this.gateway.verify("v1.not-a-number.sig", "GET", "/api", "dev")).isEmpty();
		assertThat(this.gateway.verify("v2." + NOW.getEpochSecond() + ".sig", "GET", "/api", "dev")).isEmpty();
		assertThat(this.gateway.verify("garbage", "GET", "/api", "dev")).isEmpty();
	}

	@Test
	void refusesASecretTooShortToBeSafe() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InternalCallSignature("short", Duration.ofSeconds(30), Clock.systemUTC()));
	}

	private static InternalCallSignature signatureAt(Instant instant) {
		return new InternalCallSignature(SECRET, Duration.ofSeconds(30), Clock.fixed(instant, ZoneOffset.UTC));
	}

}
