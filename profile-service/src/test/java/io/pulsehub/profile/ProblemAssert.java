package io.pulsehub.profile;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a response is an RFC 9457 problem detail of a given status and type.
 */
public final class ProblemAssert {

	private ProblemAssert() {
	}

	public static void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
		if (slug != null) {
			assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo("urn:pulsehub:problem:" + slug);
		}
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
