package io.pulsehub.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The checked-out repository as the compose file sees it: which modules are apps, the
 * port each one listens on, and which environment variables the code and config read.
 */
final class Repository {

	private final Path root;

	private String sources;

	private Repository(Path root) {
		this.root = root;
	}

	/**
	 * The repository the build runs in: {@code pulsehub.root} (set by the e2e-tests pom),
	 * else the parent of the module directory.
	 */
	static Repository current() {
		return new Repository(Path.of(System.getProperty("pulsehub.root", "..")).toAbsolutePath().normalize());
	}

	Path root() {
		return this.root;
	}

	/**
	 * Modules of the root pom that package an executable jar (they use the Spring Boot
	 * plugin).
	 */
	List<String> bootModules() {
		List<String> modules = new ArrayList<>();
		for (String module : xpath(this.root.resolve("pom.xml"), "/project/modules/module")) {
			Path pom = this.root.resolve(module).resolve("pom.xml");
			if (xpath(pom, "/project/build/plugins/plugin/artifactId").contains("spring-boot-maven-plugin")) {
				modules.add(module);
			}
		}
		return modules;
	}

	/**
	 * The {@code server.port} in the module's {@code src/main/resources/application.yml}.
	 */
	int serverPort(String module) {
		Map<String, Object> application = YamlFiles
			.load(this.root.resolve(module).resolve("src/main/resources/application.yml"));
		Object port = YamlFiles.at(application, "server", "port");
		if (port == null) {
			throw new IllegalStateException(module + " sets no server.port in its application.yml");
		}
		return Integer.parseInt(port.toString());
	}

	/**
	 * Whether any main YAML/properties resource, {@code config-repo} file or main Java
	 * source reads the variable: {@code ${NAME}} / {@code ${NAME:default}} placeholders,
	 * {@code getenv("NAME")}, or the name as a Java string literal (a constant handed to
	 * {@code getenv}).
	 */
	boolean readsEnvironmentVariable(String name) {
		String quoted = Pattern.quote(name);
		return Pattern.compile("\\$\\{" + quoted + "[:}]|getenv\\(\\s*\"" + quoted + "\"\\s*\\)|\"" + quoted + "\"")
			.matcher(sources())
			.find();
	}

	private String sources() {
		if (this.sources == null) {
			StringBuilder text = new StringBuilder();
			try (Stream<Path> top = Files.list(this.root)) {
				for (Path dir : top.filter(Files::isDirectory).sorted().toList()) {
					Path main = dir.resolve("src/main");
					if (dir.getFileName().toString().equals("config-repo")) {
						append(text, dir, 1);
					}
					else if (Files.isDirectory(main)) {
						append(text, main, Integer.MAX_VALUE);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.sources = text.toString();
		}
		return this.sources;
	}

	private static void append(StringBuilder text, Path dir, int depth) throws IOException {
		try (Stream<Path> files = Files.walk(dir, depth)) {
			for (Path file : files.filter(Repository::isConfigOrCode).sorted().toList()) {
				text.append(Files.readString(file)).append('\n');
			}
		}
	}

	private static boolean isConfigOrCode(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml")
				|| name.endsWith(".properties") || name.endsWith(".java"));
	}

	private static List<String> xpath(Path xml, String expression) {
		try {
			Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
			NodeList nodes = (NodeList) XPathFactory.newInstance()
				.newXPath()
				.evaluate(expression, document, XPathConstants.NODESET);
			List<String> values = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				values.add(nodes.item(i).getTextContent().trim());
			}
			return values;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read " + xml, ex);
		}
	}

}
