package io.pulsehub.stream.tags;

import java.util.Collection;

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

}
