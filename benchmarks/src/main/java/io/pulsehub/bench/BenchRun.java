package io.pulsehub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What every benchmark's {@code main} does around its measurement: the report path from
 * the first argument (else a default), the markdown written there, progress logged.
 */
final class BenchRun {

	private static final System.Logger LOG = System.getLogger("bench");

	private BenchRun() {
	}

	/**
	 * Runs a benchmark and writes its markdown report.
	 * @param args the main arguments: optionally the report path
	 * @param defaultReport the report path when none is given
	 * @param benchmark measures and returns the markdown report
	 */
	static void writeReport(String[] args, String defaultReport, Callable<String> benchmark) throws Exception {
		Path report = Path.of((args.length > 0) ? args[0] : defaultReport);
		String markdown = benchmark.call();
		Files.createDirectories(report.toAbsolutePath().getParent());
		Files.writeString(report, markdown);
		say("Report written to " + report);
	}

	/**
	 * Logs one line of progress.
	 * @param message what the benchmark is doing
	 */
	static void say(String message) {
		LOG.log(System.Logger.Level.INFO, message);
	}

}
