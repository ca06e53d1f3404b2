package io.pulsehub.eureka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every app imports {@code optional:configserver:${CONFIG_SERVER_URL}}: with the config
 * server down the registry still starts, on its own defaults, and says why its shared
 * settings are missing.
 */
@SpringBootTest(classes = EurekaServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				// no peer to register with or fetch from (not even a registry a developer
				// runs on 8761): this test is about the config client, not replication
				"eureka.client.register-with-eureka=false", "eureka.client.fetch-registry=false",
				"eureka.client.service-url.defaultZone=${CONFIG_SERVER_URL}/eureka/" })
@ExtendWith(OutputCaptureExtension.class)
class ConfigServerDownIntegrationTests {

	private static final String CONFIG_SERVER_URL = "CONFIG_SERVER_URL";

	private static String configServer;

	@LocalServerPort
	private int port;

	@Autowired
	private Environment environment;

	/**
	 * The import is resolved while the environment is prepared, before
	 * {@code @DynamicPropertySource} applies: the closed port travels as a system
	 * property the way {@code CONFIG_SERVER_URL} does in the environment.
	 */
	@BeforeAll
	static void pointAtAConfigServerThatIsDown() {
		configServer = "http://localhost:" + closedPort();
		System.setProperty(CONFIG_SERVER_URL, configServer);
	}

	@AfterAll
	static void forgetTheConfigServer() {
		System.clearProperty(CONFIG_SERVER_URL);
	}

	@Test
	void startsWithAWarningWhenTheConfigServerIsDown(CapturedOutput output) {
		String health = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/health")
			.retrieve()
			.body(String.class);
		assertThat(health).contains("\"status\":\"UP\"");
		// nothing came from config-repo/application.yml, which is what sets this
		assertThat(this.environment.getProperty("info.pulsehub.config-source")).isNull();
		// ConfigServerConfigDataLoader's words (spring-cloud-config-client 5.0.x)
		assertThat(output.getOut().lines().filter((line) -> line.contains("Could not locate PropertySource")))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains(" WARN ")
				.contains("ConfigServerConfigDataLoader")
				.contains("optional = true")
				.contains(configServer + "/eureka-server/default")
				.contains("Connection refused"));
	}

	/** A port nothing listens on: taken from the OS, then closed at once. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
