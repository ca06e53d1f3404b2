package io.pulsehub.mesh.mongo;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Bounds the MongoDB driver's waits ({@link MeshMongoProperties}) and exposes the
 * service's {@link MongoDatabase}: {@code pulsehub.mongo.database}, else the connection
 * string's, else {@code pulsehub}.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class)
@ConditionalOnClass({ MongoClient.class, MongoClientSettingsBuilderCustomizer.class })
@EnableConfigurationProperties(MeshMongoProperties.class)
public class MeshMongoAutoConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer meshMongoTimeouts(MeshMongoProperties properties) {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster
				.serverSelectionTimeout(properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket
				.connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout((int) properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
	}

	@Bean
	@ConditionalOnBean(MongoClient.class)
	@ConditionalOnMissingBean
	MongoDatabase meshMongoDatabase(MongoClient mongo, MongoConnectionDetails connection,
			MeshMongoProperties properties) {
		return mongo.getDatabase(databaseName(connection, properties));
	}

	/**
	 * The database a service's documents live in.
	 * @param connection Boot's connection details
	 * @param properties the settings
	 * @return the configured name, the connection string's, or {@code pulsehub}
	 */
	static String databaseName(MongoConnectionDetails connection, MeshMongoProperties properties) {
		if (!properties.database().isEmpty()) {
			return properties.database();
		}
		String fromUri = connection.getConnectionString().getDatabase();
		return (fromUri != null) ? fromUri : "pulsehub";
	}

}
