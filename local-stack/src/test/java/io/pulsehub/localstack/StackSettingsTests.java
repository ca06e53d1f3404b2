package io.pulsehub.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StackSettingsTests {

	@Test
	void defaultsToADataDirectoryBelowTheWorkingDirectory() {
		StackSettings settings = StackSettings.from(Map.of(), List.of());

		assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
		assertThat(settings.clean()).isFalse();
		assertThat(settings.topicPartitions()).isEqualTo(6);
		assertThat(settings.postgresPassword()).isEqualTo("pulsehub-dev");
		assertThat(settings.external()).isEmpty();
	}

	@Test
	void readsTheEnvironment() {
		StackSettings settings = StackSettings.from(Map.of("PULSEHUB_DATA_DIR", "/srv/pulsehub",
				"PULSEHUB_TOPIC_PARTITIONS", "3", "POSTGRES_PASSWORD", "s3cret", "REDIS_URL", "redis://cache:6379"),
				List.of("--clean"));

		assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/pulsehub"));
		assertThat(settings.clean()).isTrue();
		assertThat(settings.topicPartitions()).isEqualTo(3);
		assertThat(settings.postgresPassword()).isEqualTo("s3cret");
		assertThat(settings.external()).containsOnlyKeys("REDIS_URL");
		assertThat(settings.starts(StackSettings.REDIS)).isFalse();
		assertThat(settings.starts(StackSettings.KAFKA)).isTrue();
	}

	@Test
	void treatsABlankVariableAsUnset() {
		assertThat(StackSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", " "), List.of()).starts(StackSettings.KAFKA))
			.isTrue();
	}

	@Test
	void refusesAnUnknownArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> StackSettings.from(Map.of(), List.of("--wipe")))
			.withMessageContaining("--clean");
	}

	@Test
	void refusesPartitionsThatAreNotAPositiveNumber() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackSettings.from(Map.of("PULSEHUB_TOPIC_PARTITIONS", "zero"), List.of()))
			.withMessageContaining("PULSEHUB_TOPIC_PARTITIONS");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackSettings.from(Map.of("PULSEHUB_TOPIC_PARTITIONS", "0"), List.of()));
	}

}
