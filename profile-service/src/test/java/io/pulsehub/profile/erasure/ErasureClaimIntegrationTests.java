package io.pulsehub.profile.erasure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.profile.ChangeTopic;
import io.pulsehub.profile.ProfileIntegrationTest;
import io.pulsehub.profile.cache.ProfileCache;
import io.pulsehub.profile.core.ProfileChangePublisher;
import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.ProfileHashStore;
import io.pulsehub.profile.core.StoreGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several profile-service instances retry the same pending erasures: each erasure must
 * run on one of them at a time and be announced once. Two erasers, each with its own
 * {@link ErasureStore} on the one {@code erasures} collection (as two instances have),
 * next to the application's own retrying eraser, on real MongoDB-protocol, Redis and
 * Kafka servers.
 */
@ProfileIntegrationTest
class ErasureClaimIntegrationTests {

	@Autowired
	private MongoDatabase profileDatabase;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Autowired
	private ProfileHashStore hashes;

	@Autowired
	private ProfileDocumentStore documents;

	@Autowired
	private ProfileChangePublisher publisher;

	@Autowired
	private ProfileCache cache;

	private final List<ProfileEraser> erasers = new ArrayList<>();

	private ChangeTopic changes;

	@BeforeEach
	void openTopic() {
		this.changes = new ChangeTopic();
	}

	@AfterEach
	void close() {
		this.erasers.forEach(ProfileEraser::close);
		this.changes.close();
	}

	@Test
	void twoInstancesRunningTheSamePendingErasuresAnnounceEachOnce() throws Exception {
		ProfileEraser first = eraser(Clock.systemUTC());
		ProfileEraser second = eraser(Clock.systemUTC());
		List<ErasureView> pending = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			pending.add(pendingErasure());
		}

		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			for (ErasureView erasure : pending) {
				CyclicBarrier together = new CyclicBarrier(2);
				Future<?> one = instances.submit(() -> runAfter(together, first, erasure));
				Future<?> other = instances.submit(() -> runAfter(together, second, erasure));
				one.get();
				other.get();
			}
		}
		finally {
			instances.shutdownNow();
		}

		Set<String> users = pending.stream().map(ErasureView::userId).collect(Collectors.toSet());
		// waits the full 10 s for any second announcement
		List<ProfileChanged> deleted = this.changes.changesOf(users, pending.size() + 1)
			.stream()
			.filter((change) -> change.getKind() == ChangeKind.DELETED)
			.toList();
		assertThat(deleted.stream().collect(Collectors.groupingBy(ProfileChanged::getUserId, Collectors.counting())))
			.as("DELETED announcements per user")
			.hasSize(pending.size())
			.allSatisfy((user, count) -> assertThat(count).as(user).isOne());
		ErasureStore store = store();
		for (ErasureView erasure : pending) {
			ErasureView now = store.find(erasure.erasureId());
			assertThat(now.status()).isEqualTo(ErasureView.COMPLETED);
			assertThat(now.stores()).containsOnly(Map.entry("redis", ErasureView.DONE),
					Map.entry("mongo", ErasureView.DONE), Map.entry("events", ErasureView.DONE));
		}
	}

	@Test
	void anErasureClaimedByAnInstanceThatDiedRunsOnceTheClaimLapses() {
		// an instance claims it and dies without running or releasing it
		ErasureView erasure = claimedByADeadInstance();

		eraser(Clock.systemUTC()).run(erasure);
		assertThat(store().find(erasure.erasureId()).status()).isEqualTo(ErasureView.PENDING);

		eraser(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3))).run(erasure);
		ErasureView after = store().find(erasure.erasureId());
		assertThat(after.status()).isEqualTo(ErasureView.COMPLETED);
		assertThat(this.changes.changesOf(erasure.userId(), 2)).extracting(ProfileChanged::getKind)
			.containsExactly(ChangeKind.DELETED);
	}

	private static void runAfter(CyclicBarrier together, ProfileEraser eraser, ErasureView erasure) {
		try {
			together.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		eraser.run(erasure);
	}

	/**
	 * A pending erasure that a run claimed for two minutes; another pending one if the
	 * application's own eraser (retrying every second) ran the first before it could be
	 * claimed.
	 */
	private ErasureView claimedByADeadInstance() {
		for (int attempt = 0; attempt < 5; attempt++) {
			ErasureView erasure = pendingErasure();
			Instant now = Instant.now();
			if (store().claim(erasure.erasureId(), now, now.plus(Duration.ofMinutes(2))) != null) {
				return erasure;
			}
		}
		throw new IllegalStateException("Could not claim a pending erasure in five attempts");
	}

	/**
	 * An accepted erasure whose steps have not run: what every instance's retry finds.
	 */
	private ErasureView pendingErasure() {
		String user = "u-" + UUID.randomUUID();
		Instant now = Instant.now();
		Map<String, String> stores = new LinkedHashMap<>();
		for (String step : ErasureView.STEPS) {
			stores.put(step, ErasureView.PENDING);
		}
		ErasureView erasure = new ErasureView(UUID.randomUUID().toString(), user, ErasureView.PENDING, now, null,
				stores);
		this.documents.tombstone(user, erasure.erasureId(), now);
		store().create(erasure);
		return erasure;
	}

	private ProfileEraser eraser(Clock clock) {
		ProfileEraser eraser = new ProfileEraser(store(), this.hashes, this.documents, this.publisher, this.cache,
				clock, Duration.ofSeconds(1));
		this.erasers.add(eraser);
		return eraser;
	}

	/** A store of its own, as another instance has. */
	private ErasureStore store() {
		return new ErasureStore(this.profileDatabase.getCollection(ErasureStore.COLLECTION),
				new StoreGuard(StoreGuard.MONGO, this.breakers.circuitBreaker(StoreGuard.MONGO)));
	}

}
