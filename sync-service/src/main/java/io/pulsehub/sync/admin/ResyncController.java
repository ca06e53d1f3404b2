package io.pulsehub.sync.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.pulsehub.sync.store.MongoUnavailableException;
import io.pulsehub.sync.store.RedisProfiles;
import io.pulsehub.sync.store.WriteResult;
import io.pulsehub.sync.strategy.ProfileSync;
import io.pulsehub.sync.strategy.StrategyName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/sync/resync}: copies Redis to MongoDB now, for given users or all.
 */
@RestController
@Tag(name = "Sync admin", description = "Operate the Redis-to-MongoDB sync (admin only)")
class ResyncController {

	static final int MAX_USERS = 10_000;

	private static final int BATCH = 500;

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}");

	private final ProfileSync sync;

	private final RedisProfiles redis;

	ResyncController(ProfileSync sync, RedisProfiles redis) {
		this.sync = sync;
		this.redis = redis;
	}

	@Operation(summary = "Copy Redis to MongoDB now",
			description = "For the users given (up to 10,000), or without a body every user with a Redis profile. "
					+ "Every section is written with the version guard, so a section MongoDB already has is "
					+ "counted stale and left alone. Synchronous.")
	@ApiResponse(responseCode = "200", description = "Done")
	@ApiResponse(responseCode = "400", description = "Bad user ids")
	@ApiResponse(responseCode = "503", description = "Redis or MongoDB unavailable")
	@PostMapping(path = "/admin/sync/resync", produces = MediaType.APPLICATION_JSON_VALUE)
	ResyncResult resync(@RequestBody(required = false) ResyncRequest request) {
		List<String> users = (request != null && request.userIds() != null) ? request.userIds() : null;
		if (users != null) {
			if (users.isEmpty() || users.size() > MAX_USERS) {
				throw SyncProblem.invalid("userIds must hold 1 to " + MAX_USERS + " user ids (or leave the body out).");
			}
			List<String> bad = users.stream()
				.filter((user) -> user == null || !USER_ID.matcher(user).matches())
				.toList();
			if (!bad.isEmpty()) {
				throw SyncProblem.invalid("Not valid user ids: " + bad.stream().limit(10).toList());
			}
		}
		try {
			return resync((users != null) ? users : this.redis.users(Integer.MAX_VALUE));
		}
		catch (MongoUnavailableException | DataAccessException ex) {
			throw SyncProblem.unavailable("Redis or MongoDB did not answer; nothing or part was copied.");
		}
	}

	private ResyncResult resync(List<String> users) {
		int written = 0;
		int stale = 0;
		int erased = 0;
		for (int from = 0; from < users.size(); from += BATCH) {
			List<String> batch = new ArrayList<>(users.subList(from, Math.min(users.size(), from + BATCH)));
			WriteResult result = this.sync.syncAll(batch, StrategyName.WRITE_THROUGH);
			written += result.written();
			stale += result.stale();
			erased += result.erasedUsers().size();
		}
		return new ResyncResult(users.size(), written, stale, erased);
	}

	/**
	 * Which users to copy.
	 *
	 * @param userIds the users; absent for all
	 */
	record ResyncRequest(List<String> userIds) {

	}

	/**
	 * What the resync did.
	 *
	 * @param users users looked at
	 * @param sectionsWritten sections MongoDB took
	 * @param sectionsStale sections MongoDB already had at that version or newer
	 * @param erased users found erased (their documents deleted)
	 */
	@Schema(description = "What a resync did")
	record ResyncResult(int users, int sectionsWritten, int sectionsStale, int erased) {

	}

}
