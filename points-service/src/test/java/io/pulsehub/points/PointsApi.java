package io.pulsehub.points;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import io.pulsehub.mesh.security.InternalCallSignature;

/**
 * Calls the points API the way the gateway does: with a signed internal credential.
 */
public final class PointsApi {

	/** The internal secret of the integration test contexts. */
	public static final String SECRET = "test-internal-secret-0123456789";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final InternalCallSignature signature = new InternalCallSignature(SECRET, Duration.ofSeconds(30),
			Clock.systemUTC());

	private final int port;

	public PointsApi(int port) {
		this.port = port;
	}

	public HttpResponse<String> earn(String userId, String key, String body) {
		return post("/api/v1/points/" + userId + "/earn", key, body);
	}

	public HttpResponse<String> spend(String userId, String key, String body) {
		return post("/api/v1/points/" + userId + "/spend", key, body);
	}

	public HttpResponse<String> reverse(String transactionId, String body) {
		return post("/api/v1/points/transactions/" + transactionId + "/reverse", null, body);
	}

	public HttpResponse<String> post(String path, String key, String body) {
		HttpRequest.Builder request = signed("POST", path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return send(request.build());
	}

	public HttpResponse<String> get(String path) {
		return send(signed("GET", path).GET().build());
	}

	/**
	 * A call that did not come through the gateway.
	 */
	public HttpResponse<String> unsigned(String method, String path) {
		return send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private HttpRequest.Builder signed(String method, String path) {
		String rawPath = URI.create(path).getRawPath();
		return HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header(InternalCallSignature.HEADER, this.signature.sign(method, rawPath, "test-client"))
			.header(InternalCallSignature.PRINCIPAL_HEADER, "test-client");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
