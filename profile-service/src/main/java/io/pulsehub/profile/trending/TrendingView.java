package io.pulsehub.profile.trending;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The top of one trending board, highest score first.
 *
 * @param window the window, e.g. {@code 1h}
 * @param asOf when the stream-processor last refreshed the board; {@code null} when it
 * never did (the field is always present)
 * @param items the items, at most the requested limit; empty when the board does not
 * exist
 */
@Schema(description = "The top of a trending board, highest score first")
record TrendingView(@Schema(example = "1h") String window,
		@Schema(description = "When the board was last refreshed; null if never", nullable = true,
				example = "2026-01-15T10:42:07Z") @JsonInclude(JsonInclude.Include.ALWAYS) Instant asOf,
		List<TrendingItem> items) {

}
