package io.pulsehub.sync.strategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pulsehub.contracts.profile.ProfileSection;

/**
 * The write-behind buffer: changes coalesced per user (the sections that changed and the
 * earliest change time), and the offsets that wait for it.
 * <p>
 * Kafka commits one offset per partition, so committing a record commits every earlier
 * one. While the buffer holds anything (or a flush of it is in flight), the offset of
 * every change completed after it (by any strategy) waits here and is committed with the
 * flush that makes the buffered changes durable. With an empty buffer a completed change
 * is committed at once. A crash therefore loses no change: the uncommitted records are
 * delivered again.
 */
public final class WriteBehindBuffer {

	private final Object lock = new Object();

	private Map<String, Entry> users = new LinkedHashMap<>();

	private Map<String, ChangeOffset> offsets = new HashMap<>();

	private boolean flushing;

	/** When the oldest buffered user arrived ({@link System#nanoTime()}). */
	private long oldestArrival;

	/**
	 * Buffers a change and holds its offset.
	 * @param change the change
	 * @return users now buffered
	 */
	public int add(PendingChange change) {
		return add(change, System.nanoTime());
	}

	int add(PendingChange change, long arrival) {
		synchronized (this.lock) {
			if (this.users.isEmpty()) {
				this.oldestArrival = arrival;
			}
			this.users.computeIfAbsent(change.userId(), (user) -> new Entry(change.changedAt()))
				.add(change.section(), change.changedAt());
			hold(this.offsets, change.offset());
			return this.users.size();
		}
	}

	/**
	 * A change another strategy made durable: commits its offset now, or with the flush
	 * of the changes buffered before it.
	 * @param offset the change's offset
	 */
	public void completed(ChangeOffset offset) {
		synchronized (this.lock) {
			if (!this.users.isEmpty() || this.flushing) {
				hold(this.offsets, offset);
				return;
			}
		}
		offset.commit().run();
	}

	/**
	 * Forgets a user (erased): nothing of theirs is written any more.
	 * @param userId the user
	 */
	public void remove(String userId) {
		synchronized (this.lock) {
			this.users.remove(userId);
		}
	}

	/**
	 * Users buffered.
	 * @return the count
	 */
	public int size() {
		synchronized (this.lock) {
			return this.users.size();
		}
	}

	/**
	 * How long the oldest buffered change has waited.
	 * @param now the time ({@link System#nanoTime()})
	 * @return nanoseconds; {@link Long#MAX_VALUE} when only offsets wait (nothing to
	 * write, commit them now); negative when nothing waits
	 */
	long waited(long now) {
		synchronized (this.lock) {
			if (this.users.isEmpty()) {
				return this.offsets.isEmpty() ? -1 : Long.MAX_VALUE;
			}
			return now - this.oldestArrival;
		}
	}

	/**
	 * Takes everything buffered for a flush; later changes go to a fresh buffer. Callers
	 * flush one batch at a time.
	 * @return the batch, null when there is nothing to flush or commit
	 */
	Batch take() {
		synchronized (this.lock) {
			if (this.users.isEmpty() && this.offsets.isEmpty()) {
				return null;
			}
			Map<String, Set<ProfileSection>> sections = new LinkedHashMap<>();
			Map<String, Instant> changedAt = new HashMap<>();
			this.users.forEach((user, entry) -> {
				sections.put(user, entry.sections);
				changedAt.put(user, entry.changedAt);
			});
			Batch batch = new Batch(sections, changedAt, new ArrayList<>(this.offsets.values()), this.oldestArrival);
			this.users = new LinkedHashMap<>();
			this.offsets = new HashMap<>();
			this.flushing = true;
			return batch;
		}
	}

	/**
	 * The batch is durable: commits its offsets.
	 * @param batch the batch
	 */
	void finished(Batch batch) {
		synchronized (this.lock) {
			// inside the lock, so no later offset of a partition is committed before it
			batch.offsets().forEach((offset) -> offset.commit().run());
			this.flushing = false;
		}
	}

	/**
	 * The batch could not be made durable: back into the buffer, offsets still held.
	 * @param batch the batch
	 */
	void restore(Batch batch) {
		synchronized (this.lock) {
			if (this.users.isEmpty() || batch.arrival() - this.oldestArrival < 0) {
				this.oldestArrival = batch.arrival();
			}
			batch.sections().forEach((user, sections) -> {
				Entry entry = this.users.computeIfAbsent(user, (key) -> new Entry(batch.changedAt().get(user)));
				sections.forEach((section) -> entry.add(section, batch.changedAt().get(user)));
			});
			batch.offsets().forEach((offset) -> hold(this.offsets, offset));
			this.flushing = false;
		}
	}

	private static void hold(Map<String, ChangeOffset> offsets, ChangeOffset offset) {
		offsets.merge(offset.partition(), offset, (held, next) -> (held.offset() >= next.offset()) ? held : next);
	}

	/**
	 * A flush's worth of buffered changes.
	 *
	 * @param sections per user, the sections that changed
	 * @param changedAt per user, the earliest change
	 * @param offsets per partition, the latest offset to commit once they are durable
	 * @param arrival when its oldest user arrived in the buffer
	 * ({@link System#nanoTime()})
	 */
	record Batch(Map<String, Set<ProfileSection>> sections, Map<String, Instant> changedAt, List<ChangeOffset> offsets,
			long arrival) {

	}

	private static final class Entry {

		private final Set<ProfileSection> sections = EnumSet.noneOf(ProfileSection.class);

		private Instant changedAt;

		Entry(Instant changedAt) {
			this.changedAt = changedAt;
		}

		void add(ProfileSection section, Instant at) {
			this.sections.add(section);
			if (at.isBefore(this.changedAt)) {
				this.changedAt = at;
			}
		}

	}

}
