package io.pulsehub.e2e.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads YAML the way docker-compose does (safe types, {@code <<} merge keys), but refuses
 * duplicate keys, which docker-compose would silently resolve to the last one.
 */
final class YamlFiles {

	private YamlFiles() {
	}

	static Map<String, Object> load(Path file) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, Object> document = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).load(reader);
			if (document == null) {
				throw new IllegalStateException(file + " is empty");
			}
			return document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The value at a path of mapping keys, or {@code null} where the path ends early.
	 */
	static Object at(Object node, String... keys) {
		Object current = node;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

}
