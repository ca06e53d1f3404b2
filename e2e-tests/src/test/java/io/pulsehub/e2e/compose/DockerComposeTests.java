package io.pulsehub.e2e.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Keeps docker-compose.yml true to the code without a Docker engine: every app is a
 * service built from the one Dockerfile on the port it listens on, sets only environment
 * variables something reads, starts after the servers it needs are healthy, and is
 * scraped by Prometheus. ({@code .ci/validate-compose} checks the file's schema.)
 */
class DockerComposeTests {

	/**
	 * Boot modules that are not part of the composed system: local-stack's embedded
	 * servers are exactly what the real servers in the compose file replace.
	 */
	private static final Set<String> NOT_COMPOSED = Set.of("local-stack");

	private static Repository repository;

	private static ComposeFile compose;

	private static List<String> apps;

	@BeforeAll
	static void readRepository() {
		repository = Repository.current();
		compose = ComposeFile.load(repository.root().resolve("docker-compose.yml"));
		apps = repository.bootModules().stream().filter((module) -> !NOT_COMPOSED.contains(module)).toList();
	}

	@Test
	void findsTheAppsOfTheRootPom() {
		assertThat(apps).as("app modules (with spring-boot-maven-plugin) in the root pom")
			.contains("config-server", "eureka-server", "gateway");
	}

	@Test
	void buildsEveryAppFromTheSharedDockerfile() throws Exception {
		assertThat(compose.serviceNames()).as("compose services").containsAll(apps);
		for (String app : apps) {
			assertThat(compose.get(app, "build", "args", "MODULE")).as("%s build arg MODULE", app).isEqualTo(app);
			Object context = compose.get(app, "build", "context");
			assertThat(context).as("%s build context", app).isNotNull();
			Path dockerfile = repository.root().resolve(context.toString()).resolve("Dockerfile").normalize();
			assertThat(compose.get(app, "build", "dockerfile")).as("%s uses the shared Dockerfile", app).isNull();
			assertThat(dockerfile).as("%s Dockerfile", app).isEqualTo(repository.root().resolve("Dockerfile"));
		}
		assertThat(Files.readString(repository.root().resolve("Dockerfile"))).contains("ARG MODULE");
	}

	@Test
	void publishesEveryAppOnItsServerPortAndProbesThatPort() {
		for (String app : apps) {
			int port = repository.serverPort(app);
			assertThat(compose.publishedPorts(app)).as("%s ports (server.port %d)", app, port)
				.containsExactly(new ComposeFile.PortMapping(port, port));
			assertThat(compose.healthcheck(app)).as("%s health check", app)
				.isNotNull()
				.contains(Integer.toString(port));
		}
	}

	@Test
	void setsOnlyEnvironmentVariablesTheCodeReads() {
		Set<String> unread = new TreeSet<>();
		for (String app : apps) {
			compose.environment(app)
				.keySet()
				.stream()
				.filter((name) -> !repository.readsEnvironmentVariable(name))
				.forEach((name) -> unread.add(app + ": " + name));
		}
		assertThat(unread).as("variables set in docker-compose.yml that no yml, config-repo file or Java source reads")
			.isEmpty();
	}

	@Test
	void pointsEveryAppAtTheComposedMeshServers() {
		String configServer = "http://config-server:" + repository.serverPort("config-server");
		String eurekaPort = Integer.toString(repository.serverPort("eureka-server"));
		for (String app : apps) {
			Map<String, String> environment = compose.environment(app);
			assertThat(environment).as("%s environment", app)
				.containsEntry("EUREKA_INSTANCE_HOSTNAME", app)
				.containsEntry("EUREKA_HOST", "eureka-server")
				.containsEntry("EUREKA_PORT", eurekaPort);
			if (!app.equals("config-server")) {
				assertThat(environment).as("%s environment", app).containsEntry("CONFIG_SERVER_URL", configServer);
			}
		}
	}

	@Test
	void servesTheMountedConfigRepoFromTheConfigServer() {
		String repo = compose.environment("config-server").get("PULSEHUB_CONFIG_REPO");
		assertThat(repo).as("PULSEHUB_CONFIG_REPO").startsWith("file:");
		String containerPath = repo.substring("file:".length()).replaceAll("/$", "");
		assertThat(compose.mountSource("config-server", containerPath))
			.as("host directory mounted at %s", containerPath)
			.isNotNull()
			.satisfies((source) -> assertThat(repository.root().resolve(source).normalize())
				.isEqualTo(repository.root().resolve("config-repo")));
	}

	@Test
	void givesEveryServiceAHealthCheck() {
		List<String> unchecked = compose.serviceNames()
			.stream()
			.filter((service) -> compose.healthcheck(service) == null)
			.toList();
		assertThat(unchecked).as("services without a health check").isEmpty();
	}

	@Test
	void waitsOnlyForServicesThatExistAndUntilTheyAreHealthy() {
		List<String> problems = new ArrayList<>();
		for (String service : compose.serviceNames()) {
			compose.dependsOn(service).forEach((target, condition) -> {
				if (!compose.serviceNames().contains(target)) {
					problems.add(service + " depends on unknown " + target);
				}
				else if (compose.healthcheck(target) != null && !condition.equals("service_healthy")) {
					problems.add(service + " waits for " + target + " with " + condition + ", not service_healthy");
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void startsConfigServerFirstThenEurekaThenTheRest() {
		assertThat(compose.dependsOn("config-server")).as("config-server waits for nothing of the mesh")
			.doesNotContainKeys(apps.toArray(String[]::new));
		assertThat(compose.dependsOn("eureka-server")).containsEntry("config-server", "service_healthy");
		for (String app : apps) {
			if (!app.equals("config-server") && !app.equals("eureka-server")) {
				assertThat(compose.dependsOn(app)).as("%s depends_on", app)
					.containsEntry("config-server", "service_healthy")
					.containsEntry("eureka-server", "service_healthy");
			}
		}
	}

	@Test
	void waitsForTheInfrastructureEachAppIsPointedAt() {
		Set<String> infrastructure = new TreeSet<>(compose.serviceNames());
		infrastructure.removeAll(apps);
		for (String app : apps) {
			Set<String> named = new TreeSet<>();
			for (String value : compose.environment(app).values()) {
				for (String token : value.split("[^A-Za-z0-9_.-]+")) {
					if (infrastructure.contains(token)) {
						named.add(token);
					}
				}
			}
			assertThat(compose.dependsOn(app).keySet()).as("%s depends_on (its environment names %s)", app, named)
				.containsAll(named);
		}
	}

	@Test
	void provisionsThePostgresDatabasesLocalStackProvisions() throws Exception {
		Path declared = repository.root()
			.resolve("local-stack/src/main/java/io/pulsehub/localstack/postgres/ServiceDatabase.java");
		assumeThat(declared).as("local-stack's service databases").isRegularFile();
		Matcher databases = Pattern.compile("new ServiceDatabase\\(\"(\\w+)\", \"(\\w+)\"\\)")
			.matcher(Files.readString(declared));
		List<String> expected = new ArrayList<>();
		while (databases.find()) {
			expected.add(databases.group(1) + ":" + databases.group(2));
		}
		String init = compose.mountSource("postgres-primary", "/docker-entrypoint-initdb.d");
		assertThat(init).as("init scripts mounted into postgres-primary").isNotNull();
		StringBuilder scripts = new StringBuilder();
		try (Stream<Path> files = Files.list(repository.root().resolve(init))) {
			for (Path file : files.sorted().toList()) {
				scripts.append(Files.readString(file));
			}
		}
		assertThat(expected).as("database:role pairs in ServiceDatabase.java").isNotEmpty();
		assertThat(scripts).as("postgres-primary init scripts").contains(expected);
	}

	@Test
	void scrapesEveryAppWithPrometheus() {
		String config = compose.mountSource("prometheus", "/etc/prometheus/prometheus.yml");
		assertThat(config).as("prometheus.yml mounted into the prometheus service").isNotNull();
		Map<String, Object> prometheus = YamlFiles.load(repository.root().resolve(config));
		Set<String> scraped = new TreeSet<>();
		for (Object job : (List<?>) prometheus.get("scrape_configs")) {
			if ("/actuator/prometheus".equals(YamlFiles.at(job, "metrics_path"))) {
				for (Object staticConfig : (List<?>) YamlFiles.at(job, "static_configs")) {
					((List<?>) YamlFiles.at(staticConfig, "targets"))
						.forEach((target) -> scraped.add(target.toString()));
				}
			}
		}
		assertThat(scraped).as("targets scraped at /actuator/prometheus")
			.containsAll(apps.stream().map((app) -> app + ":" + repository.serverPort(app)).toList());
	}

}
