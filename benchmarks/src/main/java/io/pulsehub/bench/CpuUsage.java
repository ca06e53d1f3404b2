package io.pulsehub.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CPU time each mesh process and the benchmark itself used over a phase, from the
 * operating system's per-process counters; on a shared machine the load generator's share
 * belongs next to every number it measured.
 */
final class CpuUsage {

	private static final List<String> APPS = List.of("local-stack", "config-server", "eureka-server", "admin-server",
			"gateway", "profile-service", "ingestion-service", "stream-processor", "sync-service", "points-service");

	private static final String SELF = "benchmark";

	private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

	private final Map<String, Duration> atStart = new LinkedHashMap<>();

	private final long start;

	private CpuUsage() {
		for (String app : APPS) {
			launched(app).ifPresent((process) -> this.processes.put(app, process));
		}
		this.processes.put(SELF, ProcessHandle.current());
		this.processes.forEach((name, process) -> this.atStart.put(name, cpu(process)));
		this.start = System.nanoTime();
	}

	static CpuUsage start() {
		return new CpuUsage();
	}

	/**
	 * CPU used since {@link #start()}, per process.
	 * @return name → percent of one core, in start order, the benchmark last
	 */
	Map<String, Double> percentSinceStart() {
		double wall = System.nanoTime() - this.start;
		Map<String, Double> percent = new LinkedHashMap<>();
		// a process that ended during the phase reads 0, not a negative share
		this.processes.forEach((name, process) -> percent.put(name,
				Math.max(0, 100 * (cpu(process).minus(this.atStart.get(name)).toNanos()) / wall)));
		return percent;
	}

	/** One markdown line: each process's share, the total, and the cores it shares. */
	static String describe(Map<String, Double> percent) {
		String each = percent.entrySet()
			.stream()
			.map((entry) -> String.format(Locale.ROOT, "%s %.0f%%", entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
		double total = percent.values().stream().mapToDouble(Double::doubleValue).sum();
		return String.format(Locale.ROOT, "%s; total %.0f%% of %d%% (%d cores, 100%% = one core)", each, total,
				100 * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
	}

	/**
	 * The launcher starts each app as {@code java -jar .../gateway-0.1.0-SNAPSHOT.jar}; a
	 * build or test JVM that merely has such a jar on its class path is not it.
	 */
	private static Optional<ProcessHandle> launched(String app) {
		Pattern jar = Pattern.compile("-jar \\S*/" + Pattern.quote(app) + "-\\d\\S*\\.jar");
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().map(jar::matcher).filter(Matcher::find).isPresent())
			.findFirst();
	}

	private static Duration cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

}
