package io.pulsehub.sync.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.output.MapOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.pulsehub.contracts.profile.RedisLayout;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reads profile hashes from Redis: many users in one round trip, and the users that have
 * a profile, by scanning.
 */
public class RedisProfiles {

	private static final String PROFILE_PATTERN = RedisLayout.profileKey("*");

	private static final ByteArrayCodec CODEC = ByteArrayCodec.INSTANCE;

	private final StringRedisTemplate redis;

	private final Duration timeout;

	/**
	 * Creates the reader.
	 * @param redis the template on the shared connection
	 * @param timeout how long a batch of reads may take before it fails
	 */
	public RedisProfiles(StringRedisTemplate redis, Duration timeout) {
		this.redis = redis;
		this.timeout = timeout;
	}

	/**
	 * The users' profiles and erasure tombstones, read in one round trip on the shared
	 * connection: the commands go out as one dispatch, and the call waits for all
	 * answers. (Spring's {@code executePipelined} would open and close a dedicated
	 * connection per call, which cost more than the reads.)
	 * @param userIds the users
	 * @return one snapshot per user, in the order given
	 * @throws org.springframework.dao.DataAccessException when Redis does not answer
	 */
	public List<ProfileSnapshot> read(Collection<String> userIds) {
		List<String> users = List.copyOf(userIds);
		if (users.isEmpty()) {
			return List.of();
		}
		List<AsyncCommand<byte[], byte[], Long>> tombstones = new ArrayList<>(users.size());
		List<AsyncCommand<byte[], byte[], Map<byte[], byte[]>>> hashes = new ArrayList<>(users.size());
		this.redis.execute((RedisCallback<Void>) (connection) -> {
			List<RedisCommand<byte[], byte[], ?>> batch = new ArrayList<>(2 * users.size());
			for (String user : users) {
				AsyncCommand<byte[], byte[], Long> tombstone = new AsyncCommand<>(new Command<>(CommandType.EXISTS,
						new IntegerOutput<>(CODEC), key(RedisLayout.erasedKey(user))));
				AsyncCommand<byte[], byte[], Map<byte[], byte[]>> hash = new AsyncCommand<>(
						new Command<>(CommandType.HGETALL, new MapOutput<>(CODEC), key(RedisLayout.profileKey(user))));
				tombstones.add(tombstone);
				hashes.add(hash);
				batch.add(tombstone);
				batch.add(hash);
			}
			nativeConnection(connection).dispatch(batch);
			await(batch);
			return null;
		});
		List<ProfileSnapshot> snapshots = new ArrayList<>(users.size());
		for (int i = 0; i < users.size(); i++) {
			boolean erased = tombstones.get(i).join() > 0;
			Map<String, String> fields = new LinkedHashMap<>();
			if (!erased) {
				hashes.get(i).join().forEach((field, value) -> fields.put(string(field), string(value)));
			}
			snapshots.add(new ProfileSnapshot(users.get(i), erased, fields));
		}
		return snapshots;
	}

	@SuppressWarnings("unchecked")
	private static StatefulRedisConnection<byte[], byte[]> nativeConnection(RedisConnection connection) {
		return ((RedisAsyncCommands<byte[], byte[]>) connection.getNativeConnection()).getStatefulConnection();
	}

	private void await(List<RedisCommand<byte[], byte[], ?>> batch) {
		CompletableFuture<?>[] answers = batch.stream()
			.map((command) -> (CompletableFuture<?>) command)
			.toArray(CompletableFuture<?>[]::new);
		try {
			CompletableFuture.allOf(answers).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new QueryTimeoutException("Redis did not answer " + batch.size() + " reads in " + this.timeout, ex);
		}
		catch (ExecutionException ex) {
			throw new RedisSystemException("Redis read failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisSystemException("Interrupted while reading from Redis", ex);
		}
	}

	private static CommandArgs<byte[], byte[]> key(String key) {
		return new CommandArgs<>(CODEC).addKey(bytes(key));
	}

	private static String string(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
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
