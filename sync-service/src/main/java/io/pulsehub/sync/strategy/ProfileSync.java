package io.pulsehub.sync.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pulsehub.contracts.profile.ProfileSection;
import io.pulsehub.sync.store.ProfileDocuments;
import io.pulsehub.sync.store.ProfileSnapshot;
import io.pulsehub.sync.store.RedisProfiles;
import io.pulsehub.sync.store.SectionWrite;
import io.pulsehub.sync.store.WriteResult;

/**
 * Copies users' profile sections from Redis (read now: the truth at this moment) to
 * MongoDB in one guarded bulk write; the one copy every strategy, the drainer and the
 * resync use. A section Redis does not have is never written (Redis may have lost it; the
 * document keeps its copy). A user erased in Redis gets their documents deleted.
 */
public class ProfileSync {

	/** All sections Redis has, for syncs that do not know what changed. */
	public static final Set<ProfileSection> ALL = EnumSet.allOf(ProfileSection.class);

	private final RedisProfiles redis;

	private final ProfileDocuments documents;

	private final SyncMetrics metrics;

	public ProfileSync(RedisProfiles redis, ProfileDocuments documents, SyncMetrics metrics) {
		this.redis = redis;
		this.documents = documents;
		this.metrics = metrics;
	}

	/**
	 * Syncs the users now.
	 * @param sections per user, the sections to copy ({@link #ALL} for every one)
	 * @param changedAt per user, the earliest change (for the lag), may lack users
	 * @param strategy whose write this is (metrics)
	 * @return what was written
	 * @throws io.pulsehub.sync.store.MongoUnavailableException when MongoDB failed
	 * @throws org.springframework.dao.DataAccessException when Redis failed
	 */
	public WriteResult sync(Map<String, Set<ProfileSection>> sections, Map<String, Instant> changedAt,
			StrategyName strategy) {
		long started = System.nanoTime();
		List<SectionWrite> writes = new ArrayList<>();
		for (ProfileSnapshot snapshot : this.redis.read(sections.keySet())) {
			if (snapshot.erased()) {
				this.documents.delete(snapshot.userId());
				continue;
			}
			for (ProfileSection section : sections.get(snapshot.userId())) {
				String version = snapshot.fields().get(section.versionField());
				if (version != null) {
					writes.add(new SectionWrite(snapshot.userId(), section, parse(version), snapshot.fields()));
				}
			}
		}
		WriteResult result;
		try {
			result = this.documents.write(writes);
		}
		catch (RuntimeException ex) {
			this.metrics.failed(strategy);
			throw ex;
		}
		this.metrics.flushed(strategy, sections.size(), result.written(), result.stale(),
				Duration.ofNanos(System.nanoTime() - started));
		Instant now = this.documents.now();
		changedAt.forEach((user, at) -> this.metrics.lag(strategy, Duration.between(at, now)));
		return result;
	}

	/**
	 * Syncs every section of the users.
	 * @param userIds the users
	 * @param strategy whose write this is (metrics)
	 * @return what was written
	 */
	public WriteResult syncAll(Collection<String> userIds, StrategyName strategy) {
		Map<String, Set<ProfileSection>> sections = new LinkedHashMap<>();
		userIds.forEach((user) -> sections.put(user, ALL));
		return sync(sections, Map.of(), strategy);
	}

	/**
	 * Lets a recovering MongoDB breaker close without waiting for writes.
	 */
	public void probe() {
		this.documents.probeIfRecovering();
	}

	private static long parse(String version) {
		try {
			return Long.parseLong(version);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
