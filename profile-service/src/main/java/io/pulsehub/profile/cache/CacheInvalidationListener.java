package io.pulsehub.profile.cache;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.contracts.events.ProfileChanged;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.MessageListener;

/**
 * Evicts the user of every {@code ProfileChanged} from this instance's L1 cache. Values
 * arrive as bytes and are parsed here, so a record that is not a {@code ProfileChanged}
 * is counted and skipped instead of stopping the consumer.
 */
final class CacheInvalidationListener implements MessageListener<String, byte[]> {

	private static final Log logger = LogFactory.getLog(CacheInvalidationListener.class);

	private final ProfileCache cache;

	private final Counter evictions;

	private final Counter unreadable;

	CacheInvalidationListener(ProfileCache cache, MeterRegistry registry) {
		this.cache = cache;
		this.evictions = Counter.builder("pulsehub.profile.cache.invalidations")
			.description("L1 evictions caused by profile-changes events")
			.tag("outcome", "evicted")
			.register(registry);
		this.unreadable = Counter.builder("pulsehub.profile.cache.invalidations")
			.description("L1 evictions caused by profile-changes events")
			.tag("outcome", "unreadable")
			.register(registry);
	}

	@Override
	public void onMessage(ConsumerRecord<String, byte[]> record) {
		String userId = record.key();
		try {
			if (record.value() != null) {
				userId = ProfileChanged.parseFrom(record.value()).getUserId();
			}
		}
		catch (InvalidProtocolBufferException ex) {
			this.unreadable.increment();
			logger.warn("Unreadable profile-changes record at offset " + record.offset() + "; evicting its key");
		}
		if (userId != null && !userId.isEmpty()) {
			this.cache.evict(userId);
			this.evictions.increment();
		}
	}

}
