package io.pulsehub.mesh.mongo;

import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MeshMongoAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, MeshMongoAutoConfiguration.class))
		.withPropertyValues("spring.mongodb.uri=mongodb://localhost:1/profiles");

	@Test
	void takesTheDatabaseOfTheConnectionString() {
		this.runner.run((context) -> assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("profiles"));
	}

	@Test
	void letsTheSettingNameAnotherDatabase() {
		this.runner.withPropertyValues("pulsehub.mongo.database=profiles-test")
			.run((context) -> assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("profiles-test"));
	}

	@Test
	void fallsBackToPulsehubWhenTheConnectionStringNamesNoDatabase() {
		this.runner.withPropertyValues("spring.mongodb.uri=mongodb://localhost:1")
			.run((context) -> assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("pulsehub"));
	}

	@Test
	void boundsTheDriversWaits() {
		this.runner
			.withPropertyValues("pulsehub.mongo.connect-timeout=300ms", "pulsehub.mongo.read-timeout=700ms",
					"pulsehub.mongo.server-selection-timeout=900ms")
			.run((context) -> {
				MongoClientSettings.Builder builder = MongoClientSettings.builder();
				context.getBean("meshMongoTimeouts", MongoClientSettingsBuilderCustomizer.class).customize(builder);
				MongoClientSettings settings = builder.build();
				assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(300);
				assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(700);
				assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
					.isEqualTo(900);
			});
	}

	@Test
	void defaultsToSecondsNotTheDriversThirty() {
		this.runner.run((context) -> {
			MongoClientSettings.Builder builder = MongoClientSettings.builder();
			context.getBean("meshMongoTimeouts", MongoClientSettingsBuilderCustomizer.class).customize(builder);
			assertThat(builder.build().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
				.isEqualTo(1000);
		});
	}

}
