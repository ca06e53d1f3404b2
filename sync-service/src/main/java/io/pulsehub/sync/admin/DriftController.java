package io.pulsehub.sync.admin;

import io.pulsehub.sync.store.MongoUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/sync/drift?sample=N}.
 */
@RestController
@Tag(name = "Sync admin", description = "Operate the Redis-to-MongoDB sync (admin only)")
class DriftController {

	static final int MAX_SAMPLE = 1000;

	private final DriftChecker checker;

	DriftController(DriftChecker checker) {
		this.checker = checker;
	}

	@Operation(summary = "Compare users between Redis and MongoDB",
			description = "Compares up to `sample` users (1-1000, default 100) section by section and lists the "
					+ "sections that differ. Changes still in a write-behind buffer or the dirty set show as drift "
					+ "until they are written.")
	@ApiResponse(responseCode = "200", description = "Compared")
	@ApiResponse(responseCode = "400", description = "sample out of range")
	@ApiResponse(responseCode = "503", description = "Redis or MongoDB unavailable")
	@GetMapping(path = "/admin/sync/drift", produces = MediaType.APPLICATION_JSON_VALUE)
	DriftChecker.DriftReport drift(@RequestParam(defaultValue = "100") String sample) {
		int count = AdminParameters.intIn("sample", sample, 1, MAX_SAMPLE);
		try {
			return this.checker.check(count);
		}
		catch (MongoUnavailableException | DataAccessException ex) {
			throw SyncProblem.unavailable("Redis or MongoDB did not answer.");
		}
	}

}
