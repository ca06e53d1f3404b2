package io.pulsehub.profile.trending;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import io.pulsehub.mesh.security.InternalCallSignature;

/**
 * Calls the trending API the way the gateway does: with a signed internal credential
 * (which binds the path, not the query).
 */
final class TrendingApi {

	static final String SECRET = "test-internal-secret-0123456789";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final InternalCallSignature signature = new InternalCallSignature(SECRET, Duration.ofSeconds(30),
			Clock.systemUTC());

	private final int port;

	TrendingApi(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path, String query) throws Exception {
		String target = (query != null) ? path + "?" + query : path;
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + target))
			.timeout(Duration.ofSeconds(30))
			.header(InternalCallSignature.HEADER, this.signature.sign("GET", path, "test-client"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "test-client")
			.GET()
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> getUnsigned(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
