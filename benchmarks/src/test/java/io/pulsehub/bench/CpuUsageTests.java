package io.pulsehub.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CPU line of every report: processes summed, the machine's busy share beside the
 * sum, never inside it.
 */
class CpuUsageTests {

	@Test
	void givesTheMachineBesideTheSumOfTheProcesses() {
		Map<String, Double> percent = new LinkedHashMap<>();
		percent.put("gateway", 50.0);
		percent.put("redis+postgres", 30.0);
		percent.put("benchmark", 10.0);
		percent.put(CpuUsage.MACHINE, 185.0);
		String line = CpuUsage.describe(percent);
		assertThat(line).startsWith("gateway 50%, redis+postgres 30%, benchmark 10%; total 90% of ")
			.endsWith("; machine busy 185% (every process on the host)")
			.doesNotContain("machine 185%");
	}

	@Test
	void leavesTheMachineOutWhereItIsUnknown() {
		String line = CpuUsage.describe(Map.of("gateway", 50.0));
		assertThat(line).startsWith("gateway 50%; total 50% of ").doesNotContain("machine");
	}

	@Test
	void countsTheMachineOfARunningPhase() throws Exception {
		CpuUsage cpu = CpuUsage.start();
		long end = System.nanoTime() + 200_000_000L;
		long spin = 0;
		while (System.nanoTime() < end) {
			spin++;
		}
		Map<String, Double> percent = cpu.percentSinceStart();
		assertThat(spin).isPositive();
		assertThat(percent).containsKey("benchmark");
		assertThat(percent.get("benchmark")).isPositive();
		if (System.getProperty("os.name").startsWith("Linux")) {
			// this thread spun the whole phase: at least a good part of one core was busy
			assertThat(percent.get(CpuUsage.MACHINE)).isGreaterThan(30.0);
		}
	}

}
