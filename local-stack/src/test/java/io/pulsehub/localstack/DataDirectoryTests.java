package io.pulsehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTests {

	@TempDir
	Path root;

	@Test
	void cleanDeletesTheServersDataAndNothingElse() throws IOException {
		DataDirectory data = new DataDirectory(this.root);
		Files.createDirectories(data.kafka().resolve("__cluster_metadata-0"));
		Files.writeString(data.redis().getParent().resolve("notes.txt"), "keep me");
		Files.createDirectories(data.redis());
		Files.writeString(data.redis().resolve("dump.rdb"), "data");
		Files.createDirectories(data.mongoFile().getParent());
		Files.writeString(data.mongoFile(), "data");

		data.clean();

		assertThat(this.root).isDirectoryContaining((path) -> path.endsWith("notes.txt"));
		assertThat(data.kafka()).doesNotExist();
		assertThat(data.redis()).doesNotExist();
		assertThat(data.mongoFile().getParent()).doesNotExist();
	}

	@Test
	void cleanIsFineWithAnEmptyDirectory() {
		new DataDirectory(this.root.resolve("never-used")).clean();

		assertThat(this.root.resolve("never-used")).doesNotExist();
	}

}
