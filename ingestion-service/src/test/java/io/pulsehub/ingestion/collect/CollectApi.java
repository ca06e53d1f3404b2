package io.pulsehub.ingestion.collect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import io.pulsehub.mesh.security.InternalCallSignature;

/**
 * Calls the collection API the way the gateway does: with a signed internal credential.
 */
final class CollectApi {

	static final String SECRET = "test-internal-secret-0123456789";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final InternalCallSignature signature = new InternalCallSignature(SECRET, Duration.ofSeconds(30),
			Clock.systemUTC());

	private final int port;

	CollectApi(int port) {
		this.port = port;
	}

	HttpResponse<String> post(String path, String body) throws Exception {
		return post(path, "application/json", HttpRequest.BodyPublishers.ofString(body));
	}

	HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.header(InternalCallSignature.HEADER, this.signature.sign("POST", path, "test-client"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "test-client")
			.POST(body)
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
