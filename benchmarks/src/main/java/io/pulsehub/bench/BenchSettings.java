package io.pulsehub.bench;

import java.time.Duration;

/**
 * Where the mesh runs and how long each phase lasts, from the environment (defaults: the
 * launcher's local-stack and dev credentials).
 *
 * @param gateway the gateway's base URL
 * @param ingestion the ingestion service's own base URL (for the direct-call ceiling)
 * @param profile the profile service's own base URL (for the direct-call ceiling)
 * @param apiKey the API key
 * @param internalSecret the gateway's signing secret (to call services directly)
 * @param kafka Kafka bootstrap servers
 * @param jdbcUrl the ingestion database
 * @param dbPassword its password (user {@code ingestion})
 * @param redis the Redis URL the stream-processor writes tags to and profiles are read
 * from
 * @param streamProcessor the stream-processor's base URL (for its Prometheus histogram)
 * @param phase how long each HTTP phase runs
 * @param warmup how long the JIT warm-up runs (180 s: with C2 on 2 cores a JVM's hot
 * paths need minutes of traffic to be compiled; 15 s measured the JIT)
 * @param tagsWarmup how long the paced load of the real-time tags phase runs unmeasured
 * first, so the gateway, ingestion, stream-processor and sync-service have compiled that
 * path (C2 on 2 cores needs minutes of traffic)
 */
record BenchSettings(String gateway, String ingestion, String profile, String apiKey, String internalSecret,
		String kafka, String jdbcUrl, String dbPassword, String redis, String streamProcessor, Duration phase,
		Duration warmup, Duration tagsWarmup) {

	static BenchSettings fromEnvironment() {
		return new BenchSettings(env("BENCH_GATEWAY", "http://localhost:8080"),
				env("BENCH_INGESTION", "http://localhost:8082"), env("BENCH_PROFILE", "http://localhost:8081"),
				env("PULSEHUB_API_KEY", "pulsehub-dev-key"),
				env("PULSEHUB_INTERNAL_SECRET", "pulsehub-dev-internal-secret-change-me"),
				env("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092"),
				env("POSTGRES_URL", "jdbc:postgresql://localhost:15432/pulsehub_ingestion"),
				env("POSTGRES_PASSWORD", "pulsehub-dev"), env("REDIS_URL", "redis://localhost:16379"),
				env("BENCH_STREAM_PROCESSOR", "http://localhost:8083"),
				Duration.ofSeconds(Long.parseLong(env("BENCH_PHASE_SECONDS", "20"))),
				Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "180"))),
				Duration.ofSeconds(Long.parseLong(env("BENCH_TAGS_WARMUP_SECONDS", "90"))));
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
