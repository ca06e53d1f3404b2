package io.pulsehub.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import io.pulsehub.mesh.security.InternalCallSignature;

/**
 * Calls the sync admin API the way the gateway does: signed with the internal credential
 * for the admin principal.
 */
final class SyncApi {

	static final String SECRET = "test-internal-secret-0123456789";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final InternalCallSignature signature = new InternalCallSignature(SECRET, Duration.ofSeconds(30),
			Clock.systemUTC());

	private final int port;

	SyncApi(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path) throws Exception {
		return send("GET", path, null);
	}

	HttpResponse<String> send(String method, String path, String body) throws Exception {
		String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header(InternalCallSignature.HEADER, this.signature.sign(method, rawPath, "ops-admin"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "ops-admin")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
