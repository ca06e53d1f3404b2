package io.pulsehub.profile.erasure;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An erasure and how far each store got.
 *
 * @param erasureId the erasure
 * @param userId the erased user
 * @param status {@code PENDING} until every store is done, then {@code COMPLETED}
 * @param requestedAt when it was requested
 * @param completedAt when every store was done; null before
 * @param stores per store ({@code redis}, {@code mongo}, {@code events}):
 * {@code PENDING}, {@code DONE} or {@code FAILED} (retried)
 */
@Schema(description = "An erasure and its status per store")
@JsonInclude(JsonInclude.Include.ALWAYS)
record ErasureView(@Schema(example = "3f0c2a52-7d6e-4c44-9a51-0d7c8f1e2b3a") String erasureId,
		@Schema(example = "u-42") String userId, @Schema(example = "COMPLETED") String status,
		@Schema(example = "2026-01-15T10:42:07Z") Instant requestedAt,
		@Schema(nullable = true, example = "2026-01-15T10:42:08Z") Instant completedAt,
		@Schema(example = "{\"redis\":\"DONE\",\"mongo\":\"DONE\",\"events\":\"DONE\"}") Map<String, String> stores) {

	static final String PENDING = "PENDING";

	static final String COMPLETED = "COMPLETED";

	static final String DONE = "DONE";

	static final String FAILED = "FAILED";

	/** The steps, in the order they run: the event last, once the stores are clean. */
	static final String[] STEPS = { "redis", "mongo", "events" };

	boolean isDone(String step) {
		return DONE.equals(this.stores.get(step));
	}

}
