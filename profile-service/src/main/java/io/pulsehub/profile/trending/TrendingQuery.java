package io.pulsehub.profile.trending;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A valid trending request: which board and how much of its top.
 *
 * @param window the board
 * @param limit how many items, 1 to {@link #MAX_LIMIT}
 */
record TrendingQuery(TrendingWindow window, int limit) {

	static final String DEFAULT_WINDOW = "1h";

	static final String DEFAULT_LIMIT = "20";

	/** The stream-processor keeps only the top 200 items of a board. */
	static final int MAX_LIMIT = 200;

	/**
	 * Checks the raw query parameters, all of them before refusing any.
	 * @param window the {@code window} parameter
	 * @param limit the {@code limit} parameter
	 * @return the query
	 * @throws TrendingProblem (400) listing every bad parameter
	 */
	static TrendingQuery parse(String window, String limit) {
		List<ParameterError> errors = new ArrayList<>(2);
		Optional<TrendingWindow> board = TrendingWindow.of(window);
		if (board.isEmpty()) {
			errors.add(new ParameterError("window", "unsupported",
					"must be one of: " + String.join(", ", TrendingWindow.labels())));
		}
		Integer count = integer(limit);
		String range = "must be an integer from 1 to " + MAX_LIMIT;
		if (count == null) {
			errors.add(new ParameterError("limit", "invalid", range));
		}
		else if (count < 1 || count > MAX_LIMIT) {
			errors.add(new ParameterError("limit", "out_of_range", range));
		}
		if (!errors.isEmpty()) {
			throw TrendingProblem.invalidParameters(errors);
		}
		return new TrendingQuery(board.get(), count);
	}

	private static Integer integer(String value) {
		try {
			return (value != null) ? Integer.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
