package io.pulsehub.sync.strategy;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Write-behind flushing and the scheduled drainer.
 *
 * @param writeBehindMaxBatch buffered users that start a write-behind flush (on the
 * flusher thread); at twice as many the consumer flushes and waits (back pressure)
 * @param writeBehindMaxDelay how long a change waits in the write-behind buffer until it
 * is in MongoDB, its flush included (the flush starts that much earlier)
 * @param flushOnShutdown whether a graceful stop, or the loss of partitions in a
 * rebalance, flushes the buffer (tests turn it off to stand in for a crash)
 * @param drainInterval how often the drainer looks at the dirty set
 * @param drainBatch users per drainer write
 * @param drainLockTtl how long the drainer's lock outlives a dead drainer
 */
@Validated
@ConfigurationProperties("pulsehub.sync.scheduling")
public record SchedulingProperties(@DefaultValue("500") @Positive int writeBehindMaxBatch,
		@DefaultValue("500ms") Duration writeBehindMaxDelay, @DefaultValue("true") boolean flushOnShutdown,
		@DefaultValue("1s") Duration drainInterval, @DefaultValue("500") @Positive int drainBatch,
		@DefaultValue("10s") Duration drainLockTtl) {

}
