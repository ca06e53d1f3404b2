package io.pulsehub.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.profile.ProfileSection;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.sync.store.WriteResult;
import io.pulsehub.sync.strategy.ChangeOffset;
import io.pulsehub.sync.strategy.DirtyDrainer;
import io.pulsehub.sync.strategy.DirtyUsers;
import io.pulsehub.sync.strategy.PendingChange;
import io.pulsehub.sync.strategy.ProfileSync;
import io.pulsehub.sync.strategy.StrategyName;
import io.pulsehub.sync.strategy.WriteBehindStrategy;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erased user is never written back, whichever strategy holds their change when the
 * erasure happens. The erasure is done the way the profile-service does it: the MongoDB
 * tombstone first, then Redis (tombstone, keys), then the document, then DELETED.
 */
@SyncServiceTest
class ErasureIntegrationTests {

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MongoDatabase syncDatabase;

	@Autowired
	private WriteBehindStrategy writeBehind;

	@Autowired
	private DirtyUsers dirty;

	@Autowired
	private DirtyDrainer drainer;

	@Autowired
	private ProfileSync sync;

	@Test
	void doesNotWriteAUserErasedWhileTheirChangeWaitsInTheWriteBehindBuffer() {
		String user = profiledUser();
		this.writeBehind.accept(
				new PendingChange(user, ProfileSection.REALTIME, Instant.now(), new ChangeOffset("test-0", 0, () -> {
				})));
		erase(user);
		this.writeBehind.flush();
		assertThat(document(user)).isNull();
	}

	@Test
	void doesNotWriteAUserErasedWhileDirty() {
		String user = profiledUser();
		// paused, so the user is still dirty when the erasure happens
		this.drainer.stop();
		try {
			this.dirty.mark(user, Instant.now());
			erase(user);
			this.drainer.drain();
		}
		finally {
			this.drainer.start();
		}
		assertThat(document(user)).isNull();
	}

	@Test
	void skipsAUserWhoseErasureIsAcceptedButNotYetDoneInRedis() {
		String user = profiledUser();
		// the erasure's first step: the durable tombstone; Redis still holds the profile
		tombstone(user);
		WriteResult result = this.sync.sync(Map.of(user, Set.of(ProfileSection.REALTIME)), Map.of(),
				StrategyName.WRITE_THROUGH);
		assertThat(result.written()).isZero();
		assertThat(document(user)).isNull();
	}

	@Test
	void deletesTheDocumentOnDeletedAndIgnoresLateChangesAfterIt() {
		String user = profiledUser();
		this.sync.sync(Map.of(user, Set.of(ProfileSection.REALTIME)), Map.of(), StrategyName.WRITE_THROUGH);
		assertThat(document(user)).isNotNull();
		tombstone(user);
		this.redis.opsForValue().set(RedisLayout.erasedKey(user), Instant.now().toString());
		this.redis.delete(RedisLayout.userKeys(user));
		try (Changes changes = new Changes()) {
			changes.publish(user, ChangeKind.DELETED, null, 0, List.of());
			// a change from before the erasure, delivered late
			changes.publish(user, ChangeKind.REALTIME, EventType.PURCHASE, 3, List.of("rt.count.purchase"));
			changes.flush();
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(document(user)).isNull());
		this.writeBehind.flush();
		this.drainer.drain();
		assertThat(document(user)).isNull();
	}

	private String profiledUser() {
		String user = SyncIntegrationTests.user();
		this.redis.opsForHash().putAll(RedisLayout.profileKey(user), SyncIntegrationTests.realtime(3, 1));
		return user;
	}

	private void erase(String user) {
		tombstone(user);
		this.redis.opsForValue().set(RedisLayout.erasedKey(user), Instant.now().toString());
		this.redis.delete(RedisLayout.userKeys(user));
		profiles().deleteMany(Filters.eq(UserProfileDocument.ID, user));
	}

	private void tombstone(String user) {
		this.syncDatabase.getCollection(UserProfileDocument.ERASURES_COLLECTION)
			.insertOne(new Document(UserProfileDocument.ID, user).append(UserProfileDocument.ERASURE_ID, "e-" + user)
				.append(UserProfileDocument.ERASED_AT, Date.from(Instant.now())));
	}

	private Document document(String user) {
		return profiles().find(Filters.eq(UserProfileDocument.ID, user)).first();
	}

	private MongoCollection<Document> profiles() {
		return this.syncDatabase.getCollection(UserProfileDocument.COLLECTION);
	}

}
