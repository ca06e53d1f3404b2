package io.pulsehub.config;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production backend: the config server serving a real Git repository (a local one
 * made for the test), selected by the {@code git} profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=git", "eureka.client.enabled=false",
				"pulsehub.security.admin.username=ops", "pulsehub.security.admin.password=ops-password" })
class ConfigServerGitBackendIntegrationTests {

	private static String commit;

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void gitRepository(DynamicPropertyRegistry registry) throws IOException, GitAPIException {
		Path repository = Files.createTempDirectory("config-repo-git");
		try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
			Files.writeString(repository.resolve("profile-service.yml"), "pulsehub:\n  probe: served-from-git\n");
			git.add().addFilepattern(".").call();
			commit = git.commit()
				.setMessage("config for the test")
				.setAuthor("test", "test@example.com")
				.call()
				.getName();
		}
		registry.add("spring.cloud.config.server.git.uri", () -> repository.toUri().toString());
	}

	@Test
	void servesPropertiesFromTheGitRepository() throws Exception {
		HttpResponse<String> response = get("/profile-service/default", "ops", "ops-password");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"pulsehub.probe\":\"served-from-git\"")
			.contains("\"version\":\"" + commit + "\"");
	}

	@Test
	void refusesCallersWithoutTheAdminLogin() throws Exception {
		assertThat(get("/profile-service/default", "ops", "wrong").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		String login = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + login)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
