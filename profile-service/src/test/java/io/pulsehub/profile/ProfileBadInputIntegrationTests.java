package io.pulsehub.profile;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import io.pulsehub.contracts.profile.RedisLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad input is refused with a 4xx problem detail, never a 500, and a
 * refused patch stores nothing.
 */
@ProfileIntegrationTest
class ProfileBadInputIntegrationTests {

	private static final String USER = "u-bad-input";

	private static final String PATCH = "/api/v1/profiles/" + USER + "/attributes";

	private static final String JSON_PATCH = "application/merge-patch+json";

	private static final String INVALID = "invalid-request";

	@LocalServerPort
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	static Stream<Arguments> badInputs() {
		return Stream.of(
				arguments("user id with a bad character", "GET", "/api/v1/profiles/u$1", null, null, null, 400,
						INVALID),
				arguments("user id starting with a dash", "GET", "/api/v1/profiles/-u1", null, null, null, 400,
						INVALID),
				arguments("user id of 129 characters", "GET", "/api/v1/profiles/" + "u".repeat(129), null, null, null,
						400, INVALID),
				arguments("segment missing", "GET", "/api/v1/profiles", "size=5", null, null, 400, INVALID),
				arguments("segment with a space", "GET", "/api/v1/profiles", "segment=a%20b", null, null, 400, INVALID),
				arguments("page size 0", "GET", "/api/v1/profiles", "segment=vip&size=0", null, null, 400, INVALID),
				arguments("page size 101", "GET", "/api/v1/profiles", "segment=vip&size=101", null, null, 400, INVALID),
				arguments("negative page", "GET", "/api/v1/profiles", "segment=vip&page=-1", null, null, 400, INVALID),
				arguments("page not a number", "GET", "/api/v1/profiles", "segment=vip&page=two", null, null, 400,
						INVALID),
				arguments("page past 1000", "GET", "/api/v1/profiles", "segment=vip&page=1001", null, null, 400,
						INVALID),
				arguments("patch as application/json", "PATCH", PATCH, null, "{\"a\":1}", "application/json", 415,
						null),
				arguments("patch without a body", "PATCH", PATCH, null, "", JSON_PATCH, 400, INVALID),
				arguments("patch not JSON", "PATCH", PATCH, null, "{tier:gold", JSON_PATCH, 400, INVALID),
				arguments("patch with trailing garbage", "PATCH", PATCH, null, "{\"a\":1} x", JSON_PATCH, 400, INVALID),
				arguments("patch with a duplicate key", "PATCH", PATCH, null, "{\"a\":1,\"a\":2}", JSON_PATCH, 400,
						INVALID),
				arguments("patch an array", "PATCH", PATCH, null, "[1,2]", JSON_PATCH, 400, INVALID),
				arguments("patch empty", "PATCH", PATCH, null, "{}", JSON_PATCH, 400, INVALID),
				arguments("reserved key version", "PATCH", PATCH, null, "{\"version\":7}", JSON_PATCH, 400, INVALID),
				arguments("reserved key updated_at", "PATCH", PATCH, null, "{\"ok\":1,\"updated_at\":\"x\"}",
						JSON_PATCH, 400, INVALID),
				arguments("key with a dot", "PATCH", PATCH, null, "{\"a.b\":1}", JSON_PATCH, 400, INVALID),
				arguments("key starting with a digit", "PATCH", PATCH, null, "{\"1a\":1}", JSON_PATCH, 400, INVALID),
				arguments("key of 65 characters", "PATCH", PATCH, null, "{\"" + "k".repeat(65) + "\":1}", JSON_PATCH,
						400, INVALID),
				arguments("value over 4 KB", "PATCH", PATCH, null, "{\"a\":\"" + "x".repeat(4100) + "\"}", JSON_PATCH,
						400, INVALID),
				arguments("number beyond 64 bits", "PATCH", PATCH, null, "{\"a\":123456789012345678901234567890}",
						JSON_PATCH, 400, INVALID),
				arguments("number beyond a double", "PATCH", PATCH, null, "{\"a\":1e400}", JSON_PATCH, 400, INVALID),
				arguments("51 members", "PATCH", PATCH, null, members(51), JSON_PATCH, 400, INVALID),
				arguments("body over 64 KB", "PATCH", PATCH, null, "{\"a\":\"" + "x".repeat(70_000) + "\"}", JSON_PATCH,
						413, "body-too-large"),
				arguments("patch of a bad user id", "PATCH", "/api/v1/profiles/u$1/attributes", null, "{\"a\":1}",
						JSON_PATCH, 400, INVALID),
				arguments("erasure of a bad user id", "DELETE", "/api/v1/profiles/u$1", null, null, null, 400, INVALID),
				arguments("erasure id not a UUID", "GET", "/api/v1/erasures/42", null, null, null, 400, INVALID),
				arguments("unknown erasure", "GET", "/api/v1/erasures/00000000-0000-0000-0000-000000000000", null, null,
						null, 404, "erasure-not-found"),
				arguments("unsupported method", "POST", "/api/v1/profiles/u1", null, "{}", "application/json", 405,
						null));
	}

	@ParameterizedTest(name = "{0} -> {6}")
	@MethodSource("badInputs")
	void refusesBadInputWithAProblemDetail(String name, String method, String path, String query, String body,
			String contentType, int status, String slug) throws Exception {
		HttpResponse<String> response = new ProfileApi(this.port).send(method, path, query, body, contentType);
		ProblemAssert.assertProblem(response, status, slug);
		assertThat(this.redis.hasKey(RedisLayout.profileKey(USER))).isFalse();
	}

	private static String members(int count) {
		StringBuilder body = new StringBuilder("{");
		for (int i = 0; i < count; i++) {
			body.append((i > 0) ? "," : "").append("\"k").append(i).append("\":").append(i);
		}
		return body.append('}').toString();
	}

}
