package io.pulsehub.localstack.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PortsTests {

	@Test
	void aFreePortPassesTheCheck() {
		int port = Ports.free();

		assertThatCode(() -> Ports.requireFree(port, "Redis")).doesNotThrowAnyException();
	}

	@Test
	void aPortTakenOnLoopbackOnlyIsReported() throws IOException {
		try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> Ports.requireFree(squatter.getLocalPort(), "Redis"))
				.withMessageContaining("Redis")
				.satisfies((ex) -> assertThat(ex.port()).isEqualTo(squatter.getLocalPort()));
		}
	}

}
