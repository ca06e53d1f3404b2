package io.pulsehub.sync;

import java.util.ArrayList;
import java.util.List;

import io.pulsehub.localstack.junit.LocalStack;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts further sync-service instances on the local-stack servers, each on a free port.
 * Settings are command-line arguments, which win over the config-repo imports.
 */
final class SyncInstances {

	private SyncInstances() {
	}

	/**
	 * Starts an instance.
	 * @param redisDatabase the Redis database it uses (in the URL: Boot ignores
	 * {@code spring.data.redis.database} when a URL is set)
	 * @param settings further settings, {@code name=value}
	 * @return the running instance
	 */
	static ConfigurableApplicationContext start(int redisDatabase, String... settings) {
		List<String> args = new ArrayList<>(List.of(
				"--spring.config.import=file:../config-repo/application.yml,file:../config-repo/sync-service.yml",
				"--spring.cloud.config.enabled=false", "--eureka.client.enabled=false", "--server.port=0",
				"--pulsehub.security.internal.secret=" + SyncApi.SECRET, "--logging.level.kafka=warn",
				"--logging.level.org.apache.kafka=warn",
				"--spring.data.redis.url=" + LocalStack.redis().url() + "/" + redisDatabase,
				"--spring.kafka.bootstrap-servers=" + LocalStack.kafka().bootstrapServers(),
				"--spring.mongodb.uri=" + LocalStack.mongo().connectionString()));
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new SpringApplicationBuilder(SyncServiceApplication.class).run(args.toArray(String[]::new));
	}

	static SyncApi api(ConfigurableApplicationContext instance) {
		return new SyncApi(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
	}

}
