package io.pulsehub.profile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import io.pulsehub.mesh.security.InternalCallSignature;

/**
 * Calls the profile API the way the gateway does: signed with the internal credential
 * (which binds method and path, not the query).
 */
public final class ProfileApi {

	/** The internal secret the test contexts are configured with. */
	public static final String SECRET = "test-internal-secret-0123456789";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final InternalCallSignature signature = new InternalCallSignature(SECRET, Duration.ofSeconds(30),
			Clock.systemUTC());

	private final int port;

	public ProfileApi(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return send("GET", path, null, null, null);
	}

	public HttpResponse<String> get(String path, String query, String ifNoneMatch) throws Exception {
		return send("GET", path, query, null, null, (ifNoneMatch != null) ? "If-None-Match" : null, ifNoneMatch);
	}

	public HttpResponse<String> patch(String path, String body) throws Exception {
		return send("PATCH", path, null, body, "application/merge-patch+json");
	}

	public HttpResponse<String> delete(String path) throws Exception {
		return send("DELETE", path, null, null, null);
	}

	public HttpResponse<String> send(String method, String path, String query, String body, String contentType,
			String... headers) throws Exception {
		String target = (query != null) ? path + "?" + query : path;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + target))
			.timeout(Duration.ofSeconds(30))
			.header(InternalCallSignature.HEADER, this.signature.sign(method, path, "test-client"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "test-client")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			if (headers[i] != null) {
				request.header(headers[i], headers[i + 1]);
			}
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
