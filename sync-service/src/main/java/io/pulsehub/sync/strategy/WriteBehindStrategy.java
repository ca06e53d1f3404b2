package io.pulsehub.sync.strategy;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.pulsehub.sync.store.MongoUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Coalesces changes per user in a bounded buffer and flushes it as one unordered bulk
 * write when its oldest change has waited {@code writeBehindMaxDelay} less what a slow
 * recent flush took ({@link FlushDeadline}: the change is in MongoDB within the delay of
 * arriving), or as soon as the flusher is free when it holds {@code writeBehindMaxBatch}
 * users. Flushes run on the flusher thread, so the consumer keeps filling the buffer
 * while one is in flight; only at twice {@code writeBehindMaxBatch} users (the buffer's
 * bound) does the consumer flush itself and wait (back pressure). Offsets are committed
 * only after the flush succeeded ({@link WriteBehindBuffer}); a flush MongoDB refuses
 * moves its users to the dirty set; one that cannot even do that (Redis down) goes back
 * into the buffer.
 */
public class WriteBehindStrategy implements SyncStrategy, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(WriteBehindStrategy.class);

	private final WriteBehindBuffer buffer;

	private final ProfileSync sync;

	private final DirtyUsers dirty;

	private final SyncMetrics metrics;

	private final SchedulingProperties properties;

	private final ReentrantLock flushing = new ReentrantLock();

	private final FlushDeadline deadline;

	private final AtomicBoolean flushQueued = new AtomicBoolean();

	private volatile ScheduledExecutorService timer;

	public WriteBehindStrategy(WriteBehindBuffer buffer, ProfileSync sync, DirtyUsers dirty, SyncMetrics metrics,
			SchedulingProperties properties) {
		this.buffer = buffer;
		this.sync = sync;
		this.dirty = dirty;
		this.metrics = metrics;
		this.properties = properties;
		this.deadline = new FlushDeadline(properties.writeBehindMaxDelay());
		metrics.bufferBacklog(buffer, WriteBehindBuffer::size);
	}

	@Override
	public StrategyName name() {
		return StrategyName.WRITE_BEHIND;
	}

	@Override
	public void accept(PendingChange change) {
		int buffered = this.buffer.add(change);
		if (buffered >= 2 * this.properties.writeBehindMaxBatch()) {
			flush();
		}
		else if (buffered >= this.properties.writeBehindMaxBatch()) {
			flushSoon();
		}
	}

	/**
	 * Writes what is buffered now and commits the offsets that waited for it.
	 */
	public void flush() {
		this.flushing.lock();
		try {
			WriteBehindBuffer.Batch batch = this.buffer.take();
			if (batch == null) {
				return;
			}
			try {
				if (!batch.sections().isEmpty()) {
					long started = System.nanoTime();
					if (write(batch)) {
						this.deadline.flushed(System.nanoTime() - started);
					}
				}
				this.buffer.finished(batch);
			}
			catch (RuntimeException ex) {
				logger.warn("Write-behind flush of " + batch.sections().size() + " users failed; kept in the buffer: "
						+ ex.getMessage());
				this.buffer.restore(batch);
				this.deadline.failed(System.nanoTime());
			}
		}
		finally {
			this.flushing.unlock();
		}
	}

	/**
	 * Writes the batch to MongoDB, or marks its users dirty when MongoDB refused it.
	 * @return whether MongoDB took it
	 */
	private boolean write(WriteBehindBuffer.Batch batch) {
		try {
			this.sync.sync(batch.sections(), batch.changedAt(), StrategyName.WRITE_BEHIND);
			return true;
		}
		catch (MongoUnavailableException ex) {
			logger.warn("Write-behind flush of " + batch.sections().size() + " users failed, degraded to SCHEDULED: "
					+ ex.getMessage());
			this.dirty.markAll(batch.changedAt());
			batch.sections().keySet().forEach((user) -> this.metrics.degraded(StrategyName.WRITE_BEHIND));
			return false;
		}
	}

	/**
	 * This instance loses partitions (a rebalance, or its stop): flushes now, so their
	 * offsets are committed while it still owns them and the next owner does not redo the
	 * buffered changes; unless {@code flushOnShutdown} is off (tests standing in for a
	 * crash).
	 */
	public void partitionsRevoked() {
		if (this.properties.flushOnShutdown()) {
			flushQuietly();
		}
	}

	/**
	 * Has the flusher flush once it is free (at once when idle); flushes here when there
	 * is no flusher (stopped).
	 */
	private void flushSoon() {
		ScheduledExecutorService flusher = this.timer;
		if (flusher == null) {
			flush();
			return;
		}
		if (this.flushQueued.compareAndSet(false, true)) {
			try {
				flusher.execute(() -> {
					this.flushQueued.set(false);
					flushQuietly();
				});
			}
			catch (RejectedExecutionException ex) {
				this.flushQueued.set(false);
				flush();
			}
		}
	}

	private void flushIfDue() {
		long now = System.nanoTime();
		if (this.deadline.due(this.buffer.waited(now), now)) {
			flushQuietly();
		}
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			logger.warn("Write-behind flush failed: " + ex.getMessage());
		}
	}

	@Override
	public void start() {
		long every = FlushDeadline.tick(this.properties.writeBehindMaxDelay()).toMillis();
		this.timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sync-flush").factory());
		this.timer.scheduleWithFixedDelay(this::flushIfDue, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService flusher = this.timer;
		this.timer = null;
		flusher.shutdownNow();
		if (this.properties.flushOnShutdown()) {
			flushQuietly();
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

	@Override
	public int getPhase() {
		// stops after the Kafka listener containers (which stop first, at a higher phase)
		return Integer.MAX_VALUE - 1000;
	}

}
