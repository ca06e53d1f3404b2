package io.pulsehub.points.outbox;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pulsehub.points.outbox.relay-enabled} decides whether the relay starts with the
 * service.
 */
class OutboxRelayTests {

	@Test
	void startsWithTheServiceUnlessDisabled() {
		assertThat(relay(true).isAutoStartup()).isTrue();
		assertThat(relay(false).isAutoStartup()).isFalse();
		assertThat(relay(false).isRunning()).isFalse();
	}

	private static OutboxRelay relay(boolean enabled) {
		OutboxProperties properties = new OutboxProperties(500, Duration.ofMillis(50), Duration.ofSeconds(10),
				Duration.ofSeconds(5), Duration.ofDays(7), enabled);
		return new OutboxRelay(null, null, null, properties, Clock.systemUTC());
	}

}
