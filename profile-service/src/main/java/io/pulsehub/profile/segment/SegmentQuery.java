package io.pulsehub.profile.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.pulsehub.profile.core.InputError;
import io.pulsehub.profile.core.ProfileProblem;

/**
 * A valid segment query.
 *
 * @param segment the segment id
 * @param page the page, from 0
 * @param size the page size, 1 to {@link #MAX_SIZE}
 */
record SegmentQuery(String segment, int page, int size) {

	static final int MAX_SIZE = 100;

	static final int MAX_PAGE = 1000;

	static final String DEFAULT_PAGE = "0";

	static final String DEFAULT_SIZE = "20";

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/**
	 * Checks the raw parameters, all of them before refusing any.
	 * @param segment the {@code segment} parameter
	 * @param page the {@code page} parameter
	 * @param size the {@code size} parameter
	 * @return the query
	 * @throws ProfileProblem (400) listing every bad parameter
	 */
	static SegmentQuery parse(String segment, String page, String size) {
		List<InputError> errors = new ArrayList<>(3);
		if (segment == null || !SEGMENT.matcher(segment).matches()) {
			errors.add(new InputError("segment", "invalid", "must be 1-64 letters, digits and . _ : -"));
		}
		Integer pageNumber = bounded(page, 0, MAX_PAGE, "page", errors);
		Integer pageSize = bounded(size, 1, MAX_SIZE, "size", errors);
		if (!errors.isEmpty()) {
			throw ProfileProblem.invalid(errors);
		}
		return new SegmentQuery(segment, pageNumber, pageSize);
	}

	private static Integer bounded(String value, int min, int max, String name, List<InputError> errors) {
		String range = "must be an integer from " + min + " to " + max;
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				errors.add(new InputError(name, "out_of_range", range));
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			errors.add(new InputError(name, "invalid", range));
			return null;
		}
	}

}
