package io.pulsehub.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Plain HTTP calls into the mesh with the credentials a client or operator would send.
 */
final class MeshHttp {

	/** The API key the dev configuration accepts. */
	static final String DEV_API_KEY = "pulsehub-dev-key";

	// HTTP/1.1 like the clients PulseHub serves; no h2c upgrade dance on plain-text ports
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private MeshHttp() {
	}

	static Map<String, String> admin() {
		return basic(Mesh.ADMIN_USER, Mesh.ADMIN_PASSWORD);
	}

	static Map<String, String> basic(String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return Map.of("Authorization", "Basic " + token);
	}

	static Map<String, String> apiKey(String key) {
		return Map.of("X-Api-Key", key);
	}

	static Map<String, String> json() {
		return Map.of("Accept", "application/json");
	}

	@SafeVarargs
	static HttpResponse<String> post(URI uri, String json, Map<String, String>... headerSets) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		for (Map<String, String> headers : headerSets) {
			headers.forEach(request::header);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Any call: {@code PUT}, {@code PATCH}, {@code DELETE} and the like.
	 * @param method the HTTP method
	 * @param uri where to
	 * @param contentType the body's type, {@code null} when there is no body
	 * @param body the body, {@code null} for none
	 * @param headerSets further headers
	 * @return the answer
	 */
	@SafeVarargs
	static HttpResponse<String> send(String method, URI uri, String contentType, String body,
			Map<String, String>... headerSets) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (Map<String, String> headers : headerSets) {
			headers.forEach(request::header);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SafeVarargs
	static HttpResponse<String> get(URI uri, Map<String, String>... headerSets) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
		for (Map<String, String> headers : headerSets) {
			headers.forEach(request::header);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
