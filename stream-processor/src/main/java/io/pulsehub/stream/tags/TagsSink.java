package io.pulsehub.stream.tags;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where users' changed tags go: the Redis profile hash in production.
 */
public interface TagsSink {

	/**
	 * Writes every user's absolute field values, except where the stored namespace is
	 * already newer; returns once all have landed, retrying the ones that failed while
	 * the store is unreachable.
	 * @param writes at most one per user
	 * @throws TagsSinkUnavailableException when some write still failed after the whole
	 * retry budget
	 */
	void write(Collection<TagWrite> writes);

	/**
	 * Hands the writes to the store without waiting for them and without retrying: the
	 * caller keeps what it sent until the answer says it landed, and rewrites what did
	 * not. Writes handed over one after another land in that order. This default, for a
	 * sink that cannot pipeline, writes synchronously (with {@link #write}'s retries) and
	 * reports the outcome.
	 * @param writes at most one per user
	 * @return completes, never exceptionally, once every write has landed or failed
	 */
	default CompletableFuture<SendOutcome> send(Collection<TagWrite> writes) {
		try {
			write(writes);
			return CompletableFuture.completedFuture(SendOutcome.LANDED);
		}
		catch (TagsSinkUnavailableException ex) {
			return CompletableFuture.completedFuture(new SendOutcome(List.copyOf(writes), ex));
		}
	}

}
