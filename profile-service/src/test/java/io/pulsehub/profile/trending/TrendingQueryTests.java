package io.pulsehub.profile.trending;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TrendingQueryTests {

	@Test
	void takesTheOneHourWindowAndALimitFromOneToTwoHundred() {
		assertThat(TrendingQuery.parse("1h", "1")).isEqualTo(new TrendingQuery(TrendingWindow.ONE_HOUR, 1));
		assertThat(TrendingQuery.parse("1h", "200")).isEqualTo(new TrendingQuery(TrendingWindow.ONE_HOUR, 200));
	}

	@Test
	void readsTheContractKeysOfTheOneHourBoard() {
		assertThat(TrendingWindow.ONE_HOUR.itemsKey()).isEqualTo("trending:items:1h");
		assertThat(TrendingWindow.ONE_HOUR.asOfKey()).isEqualTo("trending:items:1h:as-of");
	}

	@Test
	void refusesAnUnsupportedWindowNamingTheSupportedOnes() {
		assertThat(errors("24h", "20"))
			.containsExactly(new ParameterError("window", "unsupported", "must be one of: 1h"));
		assertThat(errors("1H", "20")).extracting(ParameterError::parameter).containsExactly("window");
	}

	@Test
	void refusesALimitOutsideOneToTwoHundredOrNotAnInteger() {
		assertThat(errors("1h", "0")).extracting(ParameterError::code).containsExactly("out_of_range");
		assertThat(errors("1h", "201")).extracting(ParameterError::code).containsExactly("out_of_range");
		assertThat(errors("1h", "-3")).extracting(ParameterError::code).containsExactly("out_of_range");
		assertThat(errors("1h", "ten")).extracting(ParameterError::code).containsExactly("invalid");
		assertThat(errors("1h", "2.5")).extracting(ParameterError::code).containsExactly("invalid");
		assertThat(errors("1h", "99999999999")).extracting(ParameterError::code).containsExactly("invalid");
		assertThat(errors("1h", null)).extracting(ParameterError::code).containsExactly("invalid");
	}

	@Test
	void listsEveryBadParameterAtOnce() {
		TrendingProblem problem = catchThrowableOfType(TrendingProblem.class, () -> TrendingQuery.parse("7d", "x"));
		assertThat(problem.getStatusCode().value()).isEqualTo(400);
		assertThat(problem.outcome()).isEqualTo("invalid");
		assertThat(problem.getBody().getType()).hasToString("urn:pulsehub:problem:invalid-parameters");
		assertThat(problem.getBody().getDetail()).contains("window must be one of: 1h")
			.contains("limit must be an integer from 1 to 200");
		assertThat(errorsOf(problem)).extracting(ParameterError::parameter).containsExactly("window", "limit");
	}

	private static List<ParameterError> errors(String window, String limit) {
		return errorsOf(catchThrowableOfType(TrendingProblem.class, () -> TrendingQuery.parse(window, limit)));
	}

	@SuppressWarnings("unchecked")
	private static List<ParameterError> errorsOf(TrendingProblem problem) {
		return (List<ParameterError>) problem.getBody().getProperties().get("errors");
	}

}
