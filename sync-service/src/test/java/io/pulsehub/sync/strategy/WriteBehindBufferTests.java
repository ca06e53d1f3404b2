package io.pulsehub.sync.strategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.pulsehub.contracts.profile.ProfileSection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WriteBehindBufferTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private final List<String> committed = new ArrayList<>();

	private final WriteBehindBuffer buffer = new WriteBehindBuffer();

	@Test
	void commitsAChangeAtOnceWhileNothingIsBuffered() {
		this.buffer.completed(offset("p-0", 1));
		assertThat(this.committed).containsExactly("p-0@1");
	}

	@Test
	void coalescesChangesPerUserKeepingTheEarliestTimeAndEverySection() {
		this.buffer.add(change("u-1", ProfileSection.REALTIME, T0.plusSeconds(2), offset("p-0", 1)));
		this.buffer.add(change("u-1", ProfileSection.POINTS, T0, offset("p-0", 2)));
		this.buffer.add(change("u-2", ProfileSection.REALTIME, T0, offset("p-1", 7)));
		WriteBehindBuffer.Batch batch = this.buffer.take();
		assertThat(batch.sections()).containsOnlyKeys("u-1", "u-2");
		assertThat(batch.sections().get("u-1")).containsExactlyInAnyOrder(ProfileSection.REALTIME,
				ProfileSection.POINTS);
		assertThat(batch.changedAt()).containsEntry("u-1", T0);
		assertThat(batch.offsets()).extracting(ChangeOffset::offset).containsExactlyInAnyOrder(2L, 7L);
	}

	@Test
	void holdsEveryLaterOffsetUntilTheBufferedChangesAreFlushed() {
		this.buffer.add(change("u-1", ProfileSection.REALTIME, T0, offset("p-0", 1)));
		this.buffer.completed(offset("p-0", 2));
		this.buffer.completed(offset("p-1", 5));
		assertThat(this.committed).isEmpty();
		WriteBehindBuffer.Batch batch = this.buffer.take();
		// a change completed while the flush is in flight waits for it too
		this.buffer.completed(offset("p-0", 3));
		assertThat(this.committed).isEmpty();
		this.buffer.finished(batch);
		assertThat(this.committed).containsExactlyInAnyOrder("p-0@2", "p-1@5");
		this.buffer.finished(this.buffer.take());
		assertThat(this.committed).contains("p-0@3");
	}

	@Test
	void keepsAFailedBatchAndItsOffsetsForTheNextFlush() {
		this.buffer.add(change("u-1", ProfileSection.REALTIME, T0, offset("p-0", 1)));
		WriteBehindBuffer.Batch failed = this.buffer.take();
		this.buffer.add(change("u-2", ProfileSection.REALTIME, T0, offset("p-0", 2)));
		this.buffer.restore(failed);
		assertThat(this.buffer.size()).isEqualTo(2);
		WriteBehindBuffer.Batch retry = this.buffer.take();
		assertThat(retry.sections()).containsOnlyKeys("u-1", "u-2");
		assertThat(retry.offsets()).extracting(ChangeOffset::offset).containsExactly(2L);
		this.buffer.finished(retry);
		assertThat(this.committed).containsExactly("p-0@2");
	}

	@Test
	void forgetsAnErasedUser() {
		this.buffer.add(change("u-1", ProfileSection.REALTIME, T0, offset("p-0", 1)));
		this.buffer.remove("u-1");
		WriteBehindBuffer.Batch batch = this.buffer.take();
		assertThat(batch.sections()).isEmpty();
		// its offset is still committed with the (now empty) flush
		this.buffer.finished(batch);
		assertThat(this.committed).containsExactly("p-0@1");
	}

	@Test
	void tellsHowLongItsOldestChangeHasWaited() {
		assertThat(this.buffer.waited(1_000)).isNegative();
		this.buffer.add(change("u-1", ProfileSection.REALTIME, T0, offset("p-0", 1)), 100);
		this.buffer.add(change("u-2", ProfileSection.REALTIME, T0, offset("p-0", 2)), 300);
		assertThat(this.buffer.waited(1_000)).isEqualTo(900);
		WriteBehindBuffer.Batch failed = this.buffer.take();
		// only an offset waits: nothing to write, commit it now
		this.buffer.completed(offset("p-1", 4));
		assertThat(this.buffer.waited(1_000)).isEqualTo(Long.MAX_VALUE);
		this.buffer.add(change("u-3", ProfileSection.REALTIME, T0, offset("p-0", 3)), 800);
		this.buffer.restore(failed);
		assertThat(this.buffer.waited(1_000)).isEqualTo(900);
	}

	private ChangeOffset offset(String partition, long offset) {
		return new ChangeOffset(partition, offset, () -> this.committed.add(partition + "@" + offset));
	}

	private static PendingChange change(String user, ProfileSection section, Instant at, ChangeOffset offset) {
		return new PendingChange(user, section, at, offset);
	}

}
