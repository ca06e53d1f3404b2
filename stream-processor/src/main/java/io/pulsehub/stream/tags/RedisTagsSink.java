package io.pulsehub.stream.tags;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.stream.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Writes tags into users' profile hashes with one script per user that sets the fields
 * only when the stored {@code rt.version} is not newer, so a replay never moves a profile
 * backwards, and never when the user's erasure tombstone exists, so a late event does not
 * recreate an erased profile. A batch is handed to the shared connection as one dispatch
 * (written and flushed to the socket once, one round trip for all): {@link #send} returns
 * at once, {@link #write} waits and, while Redis is unreachable, retries the failed
 * writes with exponential backoff, holding the stream thread (and so the offsets) where
 * they are, until the retry budget runs out.
 */
public final class RedisTagsSink implements TagsSink {

	private static final Logger logger = LoggerFactory.getLogger(RedisTagsSink.class);

	private static final byte[] GUARDED_WRITE = bytes("""
			if redis.call('EXISTS', KEYS[2]) == 1 then
			  return -1
			end
			local stored = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
			if stored > tonumber(ARGV[2]) then
			  return 0
			end
			redis.call('HSET', KEYS[1], unpack(ARGV, 3))
			return 1
			""");

	private static final byte[] VERSION_FIELD = bytes(RealtimeFields.VERSION);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private final RedisConnectionFactory connections;

	private final StreamMetrics metrics;

	private final Duration retryFor;

	/**
	 * Creates the sink.
	 * @param connections the Redis connections (Lettuce, sharing one native connection)
	 * @param metrics where write latency and failures are counted
	 * @param retryFor how long to keep retrying a batch before giving up
	 */
	public RedisTagsSink(RedisConnectionFactory connections, StreamMetrics metrics, Duration retryFor) {
		this.connections = connections;
		this.metrics = metrics;
		this.retryFor = retryFor;
	}

	@Override
	public void write(Collection<TagWrite> writes) {
		List<TagWrite> remaining = List.copyOf(writes);
		if (remaining.isEmpty()) {
			return;
		}
		long deadline = System.nanoTime() + this.retryFor.toNanos();
		Duration backoff = FIRST_BACKOFF;
		for (int attempt = 1;; attempt++) {
			SendOutcome outcome = SendOutcome.await(remaining, send(remaining));
			if (outcome.landed()) {
				if (attempt > 1) {
					logger.info("Redis is writable again after {} attempts", attempt);
				}
				return;
			}
			remaining = outcome.failed();
			if (System.nanoTime() + backoff.toNanos() > deadline) {
				throw new TagsSinkUnavailableException("Redis stayed unreachable for " + this.retryFor
						+ " writing the tags of " + remaining.size() + " users", outcome.cause());
			}
			if (attempt == 1) {
				logger.warn("Redis write of {} users' tags failed, retrying with backoff for up to {}: {}",
						remaining.size(), this.retryFor, outcome.cause().getMessage());
			}
			pause(backoff);
			backoff = (backoff.compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
		}
	}

	/**
	 * Hands the batch to the shared connection as one dispatch (written and flushed to
	 * the socket once) and returns at once; the connection keeps commands in order, so
	 * batches sent one after another land in that order.
	 */
	@Override
	public CompletableFuture<SendOutcome> send(Collection<TagWrite> writes) {
		List<TagWrite> batch = List.copyOf(writes);
		if (batch.isEmpty()) {
			return CompletableFuture.completedFuture(SendOutcome.LANDED);
		}
		this.metrics.tagsBatch(batch.size());
		long start = System.nanoTime();
		List<AsyncCommand<byte[], byte[], Long>> sent = new ArrayList<>(batch.size());
		try (RedisConnection connection = this.connections.getConnection()) {
			@SuppressWarnings("unchecked")
			RedisAsyncCommands<byte[], byte[]> commands = (RedisAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			for (TagWrite write : batch) {
				sent.add(new AsyncCommand<>(guardedWrite(write)));
			}
			commands.getStatefulConnection().dispatch(List.<RedisCommand<byte[], byte[], ?>>copyOf(sent));
		}
		catch (DataAccessException | RedisException ex) {
			this.metrics.redisWrite("tags", "failure", Duration.ofNanos(System.nanoTime() - start));
			return CompletableFuture.completedFuture(new SendOutcome(batch, ex));
		}
		return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).handle((ignored, error) -> {
			SendOutcome outcome = outcome(batch, sent);
			this.metrics.redisWrite("tags", outcome.landed() ? "success" : "failure",
					Duration.ofNanos(System.nanoTime() - start));
			return outcome;
		});
	}

	private static SendOutcome outcome(List<TagWrite> batch, List<AsyncCommand<byte[], byte[], Long>> sent) {
		List<TagWrite> failed = new ArrayList<>();
		Throwable cause = null;
		for (int i = 0; i < sent.size(); i++) {
			AsyncCommand<byte[], byte[], Long> command = sent.get(i);
			if (command.isCompletedExceptionally()) {
				failed.add(batch.get(i));
				cause = command.exceptionNow();
			}
		}
		return failed.isEmpty() ? SendOutcome.LANDED : new SendOutcome(failed, cause);
	}

	private static Command<byte[], byte[], Long> guardedWrite(TagWrite write) {
		CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(GUARDED_WRITE)
			.add(2)
			.addKeys(bytes(RedisLayout.profileKey(write.userId())), bytes(RedisLayout.erasedKey(write.userId())))
			.addValues(arguments(write));
		return new Command<>(CommandType.EVAL, new IntegerOutput<>(ByteArrayCodec.INSTANCE), args);
	}

	private static byte[][] arguments(TagWrite write) {
		byte[][] args = new byte[2 + write.fields().size() * 2][];
		args[0] = VERSION_FIELD;
		args[1] = bytes(Long.toString(write.version()));
		int i = 2;
		for (var field : write.fields().entrySet()) {
			args[i++] = bytes(field.getKey());
			args[i++] = bytes(field.getValue());
		}
		return args;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static void pause(Duration backoff) {
		try {
			Thread.sleep(backoff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TagsSinkUnavailableException("Interrupted while waiting for Redis", ex);
		}
	}

}
