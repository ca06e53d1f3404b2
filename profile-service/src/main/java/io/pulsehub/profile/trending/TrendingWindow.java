package io.pulsehub.profile.trending;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.pulsehub.contracts.profile.RedisLayout;

/**
 * A window the stream-processor keeps a trending board for, with the Redis keys of that
 * board.
 */
enum TrendingWindow {

	ONE_HOUR("1h", RedisLayout.TRENDING_ITEMS_1H, RedisLayout.TRENDING_ITEMS_1H_AS_OF);

	private final String label;

	private final String itemsKey;

	private final String asOfKey;

	TrendingWindow(String label, String itemsKey, String asOfKey) {
		this.label = label;
		this.itemsKey = itemsKey;
		this.asOfKey = asOfKey;
	}

	/** How the API names the window, e.g. {@code 1h}. */
	String label() {
		return this.label;
	}

	/** The sorted set of item id by engagement. */
	String itemsKey() {
		return this.itemsKey;
	}

	/** The ISO-8601 instant of the board's last refresh. */
	String asOfKey() {
		return this.asOfKey;
	}

	static Optional<TrendingWindow> of(String label) {
		return Arrays.stream(values()).filter((window) -> window.label.equals(label)).findFirst();
	}

	static List<String> labels() {
		return Arrays.stream(values()).map(TrendingWindow::label).toList();
	}

}
