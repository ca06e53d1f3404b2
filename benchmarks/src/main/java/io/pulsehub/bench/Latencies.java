package io.pulsehub.bench;

import java.util.Arrays;

/**
 * Latencies of one phase, merged from every client thread (or added from many threads
 * directly: every method holds the lock).
 */
final class Latencies {

	private long[] nanos = new long[1024];

	private int size;

	synchronized void addAll(Latencies other) {
		for (int i = 0; i < other.size; i++) {
			add(other.nanos[i]);
		}
	}

	synchronized void add(long value) {
		if (this.size == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
		}
		this.nanos[this.size++] = value;
	}

	synchronized int size() {
		return this.size;
	}

	/** The q-quantile in milliseconds (nearest rank). */
	synchronized double percentileMillis(double q) {
		if (this.size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.nanos, this.size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, rank)] / 1e6;
	}

}
