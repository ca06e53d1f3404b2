package io.pulsehub.sync.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pulsehub.contracts.profile.RedisLayout;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reads profile hashes from Redis: many users in one pipelined round trip, and the users
 * that have a profile, by scanning.
 */
public class RedisProfiles {

	private static final String PROFILE_PATTERN = RedisLayout.profileKey("*");

	private final StringRedisTemplate redis;

	public RedisProfiles(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * The users' profiles and erasure tombstones, read in one pipeline.
	 * @param userIds the users
	 * @return one snapshot per user, in the order given
	 */
	public List<ProfileSnapshot> read(Collection<String> userIds) {
		List<String> users = List.copyOf(userIds);
		if (users.isEmpty()) {
			return List.of();
		}
		List<Object> replies = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (String user : users) {
				connection.keyCommands().exists(bytes(RedisLayout.erasedKey(user)));
				connection.hashCommands().hGetAll(bytes(RedisLayout.profileKey(user)));
			}
			return null;
		});
		List<ProfileSnapshot> snapshots = new ArrayList<>(users.size());
		for (int i = 0; i < users.size(); i++) {
			boolean erased = Boolean.TRUE.equals(replies.get(2 * i));
			Map<String, String> fields = new LinkedHashMap<>();
			if (!erased && replies.get(2 * i + 1) instanceof Map<?, ?> hash) {
				hash.forEach((field, value) -> fields.put(String.valueOf(field), String.valueOf(value)));
			}
			snapshots.add(new ProfileSnapshot(users.get(i), erased, fields));
		}
		return snapshots;
	}

	private static byte[] bytes(String key) {
		return key.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Users that have a profile hash, in Redis's scan order.
	 * @param limit at most this many
	 * @return their ids
	 */
	public List<String> users(int limit) {
		List<String> users = new ArrayList<>();
		ScanOptions options = ScanOptions.scanOptions().match(PROFILE_PATTERN).count(1000).build();
		try (Cursor<String> keys = this.redis.scan(options)) {
			while (keys.hasNext() && users.size() < limit) {
				users.add(keys.next().substring(PROFILE_PATTERN.length() - 1));
			}
		}
		return users;
	}

	/**
	 * One field of a user's profile, e.g. the segment for routing.
	 * @param userId the user
	 * @param field the field
	 * @return its value or null
	 */
	public String field(String userId, String field) {
		Object value = this.redis.opsForHash().get(RedisLayout.profileKey(userId), field);
		return (value != null) ? value.toString() : null;
	}

}
