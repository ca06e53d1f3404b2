package io.pulsehub.profile.attributes;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.profile.AttributeFields;
import io.pulsehub.profile.core.ProfileChangePublisher;
import io.pulsehub.profile.core.ProfileHashStore;
import io.pulsehub.profile.core.StoreUnavailableException;
import io.pulsehub.profile.core.StoredProfile;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Announces attribute changes that were stored but not announced: the PATCH's Redis
 * script puts the user in {@link ProfileHashStore#ATTRIBUTE_OUTBOX}, the PATCH takes them
 * out after Kafka acknowledged; whatever is still there after an interval (Kafka was
 * down, the instance died in between) is announced here with the user's current
 * attributes and version, then taken out (unless a newer write put the user back). Every
 * instance runs it; a change announced twice is harmless (consumers are version-guarded).
 * Erased or vanished users are simply taken out.
 */
class AttributeOutboxRelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(AttributeOutboxRelay.class);

	private static final int BATCH = 500;

	private final ProfileHashStore hashes;

	private final ProfileChangePublisher changes;

	private final Clock clock;

	private final Duration interval;

	private final Counter relayed;

	private final Counter failed;

	private final AtomicLong pending = new AtomicLong();

	private volatile ScheduledExecutorService executor;

	AttributeOutboxRelay(ProfileHashStore hashes, ProfileChangePublisher changes, Clock clock, Duration interval,
			MeterRegistry registry) {
		this.hashes = hashes;
		this.changes = changes;
		this.clock = clock;
		this.interval = interval;
		this.relayed = Counter.builder("pulsehub.profile.attributes.outbox.relayed")
			.description("Attribute changes announced by the outbox relay (stored but not announced by the PATCH)")
			.register(registry);
		this.failed = Counter.builder("pulsehub.profile.attributes.outbox.failures")
			.description("Outbox relay runs that stopped at a Redis or Kafka failure (retried next run)")
			.register(registry);
		Gauge.builder("pulsehub.profile.attributes.outbox.pending", this.pending, AtomicLong::get)
			.description("Users in the attribute outbox at the last relay run")
			.register(registry);
	}

	/**
	 * Announces what is due now.
	 * @return how many changes were announced
	 */
	int relayDue() {
		int announced = 0;
		try {
			this.pending.set(this.hashes.outboxSize());
			long before = this.clock.millis() - this.interval.toMillis();
			for (Map.Entry<String, Long> due : this.hashes.outboxDue(before, BATCH).entrySet()) {
				announced += announce(due.getKey()) ? 1 : 0;
				this.hashes.outboxDone(due.getKey(), due.getValue());
			}
		}
		catch (StoreUnavailableException ex) {
			this.failed.increment();
			logger.warn("Attribute outbox relay stopped, retried in " + this.interval + ": " + ex.getMessage());
		}
		this.relayed.increment(announced);
		return announced;
	}

	private boolean announce(String userId) {
		StoredProfile stored = this.hashes.read(userId);
		if (!stored.found()) {
			return false;
		}
		List<String> fields = new ArrayList<>();
		stored.fields().attributes().keySet().forEach((key) -> fields.add(AttributeFields.attribute(key)));
		this.changes.publish(userId, ChangeKind.ATTRIBUTES, fields, stored.fields().versions().attributes(),
				this.clock.instant());
		return true;
	}

	@Override
	public void start() {
		this.executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("profile-attribute-outbox").factory());
		this.executor.scheduleWithFixedDelay(this::relayDue, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
