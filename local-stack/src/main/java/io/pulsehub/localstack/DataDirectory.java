package io.pulsehub.localstack;

import java.nio.file.Path;
import java.util.List;

import io.pulsehub.localstack.server.FileTrees;

/**
 * The layout of the stack's data directory: one subdirectory per server.
 */
final class DataDirectory {

	private final Path root;

	DataDirectory(Path root) {
		this.root = root;
	}

	Path kafka() {
		return this.root.resolve("kafka");
	}

	Path redis() {
		return this.root.resolve("redis");
	}

	Path postgres() {
		return this.root.resolve("postgres");
	}

	Path mongoFile() {
		return this.root.resolve("mongo").resolve("pulsehub.mv.db");
	}

	/**
	 * Deletes what the servers keep here, and nothing else: a data directory pointed at
	 * the wrong place by mistake must not lose unrelated files.
	 */
	void clean() {
		for (Path dir : List.of(kafka(), redis(), postgres(), mongoFile().getParent())) {
			FileTrees.delete(dir);
		}
	}

	@Override
	public String toString() {
		return this.root.toString();
	}

}
