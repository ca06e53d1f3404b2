package io.pulsehub.ingestion.collect;

import java.io.IOException;
import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as one strict JSON document: bounded in size, no duplicate keys,
 * nothing after the document.
 */
final class JsonBodyReader {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final long maxBytes;

	JsonBodyReader(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/**
	 * Reads the body.
	 * @param body the request body
	 * @param declaredLength the Content-Length, -1 when unknown (chunked)
	 * @return the JSON document
	 * @throws CollectProblem 413 when too large, 400 when not one valid JSON document
	 */
	JsonNode read(InputStream body, long declaredLength) {
		if (declaredLength > this.maxBytes) {
			throw CollectProblem.tooLarge(this.maxBytes);
		}
		byte[] bytes;
		try {
			bytes = body.readNBytes((int) this.maxBytes + 1);
		}
		catch (IOException ex) {
			throw CollectProblem.badRequest("The request body could not be read.");
		}
		if (bytes.length > this.maxBytes) {
			throw CollectProblem.tooLarge(this.maxBytes);
		}
		if (bytes.length == 0) {
			throw CollectProblem.badRequest("The request body is empty; send a JSON object.");
		}
		try {
			return STRICT.readTree(bytes);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			throw CollectProblem.badRequest("Malformed JSON" + where + ": " + ex.getOriginalMessage());
		}
	}

}
