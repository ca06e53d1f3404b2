package io.pulsehub.sync.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.pulsehub.contracts.profile.ProfileDocumentCodec;
import io.pulsehub.contracts.profile.ProfileSection;
import io.pulsehub.contracts.profile.UserProfileDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The MongoDB side: {@code user_profiles} written one section at a time, each write a
 * single-document upsert whose filter only matches while the stored section is older, so
 * a late, duplicate or replayed change never overwrites newer data (the upsert of a
 * document that exists at a newer version collides on {@code _id} and is counted as
 * stale). Erasure tombstones ({@code user_erasures}) are checked before and after every
 * write, so a write racing an erasure is undone. Every call goes through the MongoDB
 * circuit breaker.
 */
public class ProfileDocuments {

	private final MongoCollection<Document> profiles;

	private final MongoCollection<Document> tombstones;

	private final CircuitBreaker breaker;

	private final Clock clock;

	public ProfileDocuments(MongoCollection<Document> profiles, MongoCollection<Document> tombstones,
			CircuitBreaker breaker, Clock clock) {
		this.profiles = profiles;
		this.tombstones = tombstones;
		this.breaker = breaker;
		this.clock = clock;
	}

	/**
	 * Writes sections with one unordered bulk write, skipping erased users, then deletes
	 * again what an erasure that happened meanwhile would otherwise leave behind.
	 * @param writes the sections
	 * @return what was written
	 * @throws MongoUnavailableException when MongoDB failed
	 */
	public WriteResult write(Collection<SectionWrite> writes) {
		if (writes.isEmpty()) {
			return WriteResult.NONE;
		}
		return guarded(() -> {
			Set<String> users = new HashSet<>();
			writes.forEach((write) -> users.add(write.userId()));
			Set<String> erasedBefore = erased(users);
			List<SectionWrite> kept = writes.stream()
				.filter((write) -> !erasedBefore.contains(write.userId()))
				.toList();
			List<WriteModel<Document>> models = new ArrayList<>(kept.size());
			Date now = Date.from(this.clock.instant());
			kept.forEach((write) -> models.add(upsert(write, now)));
			int stale = bulk(models, kept, now);
			// an erasure that wrote its tombstone after the check above deletes the
			// document before or after this point; checking again closes the gap
			Set<String> erasedAfter = erased(users);
			if (!erasedAfter.isEmpty()) {
				this.profiles.deleteMany(ofUsers(erasedAfter));
			}
			return new WriteResult(models.size() - stale, stale, erasedAfter);
		});
	}

	/**
	 * Deletes every document of the user.
	 * @param userId the user
	 * @return how many were deleted
	 * @throws MongoUnavailableException when MongoDB failed
	 */
	public long delete(String userId) {
		return guarded(() -> this.profiles.deleteMany(ofUsers(Set.of(userId))).getDeletedCount());
	}

	/**
	 * The stored documents of the users, by user id.
	 * @param userIds the users
	 * @return their documents, absent users left out
	 * @throws MongoUnavailableException when MongoDB failed
	 */
	public Map<String, Document> find(Collection<String> userIds) {
		return guarded(() -> {
			Map<String, Document> documents = new HashMap<>();
			for (Document document : this.profiles.find(ofUsers(userIds))) {
				documents.put(ProfileDocumentCodec.userIdOf(document), document);
			}
			return documents;
		});
	}

	/**
	 * The users among these that have an erasure tombstone.
	 * @param userIds the users
	 * @return the erased ones
	 * @throws MongoUnavailableException when MongoDB failed
	 */
	public Set<String> erasedAmong(Collection<String> userIds) {
		return guarded(() -> erased(userIds));
	}

	private Set<String> erased(Collection<String> userIds) {
		Set<String> erased = new HashSet<>();
		for (Document tombstone : this.tombstones.find(Filters.in(UserProfileDocument.ID, userIds))) {
			erased.add(String.valueOf(tombstone.get(UserProfileDocument.ID)));
		}
		return erased;
	}

	private int bulk(List<WriteModel<Document>> models, List<SectionWrite> writes, Date now) {
		if (models.isEmpty()) {
			return 0;
		}
		try {
			this.profiles.bulkWrite(models, new BulkWriteOptions().ordered(false));
			return 0;
		}
		catch (MongoBulkWriteException ex) {
			Map<String, SectionWrite> collided = new HashMap<>();
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				SectionWrite write = writes.get(error.getIndex());
				collided.put(write.userId(), write);
			}
			return ex.getWriteErrors().size() - upgradeLegacy(collided, now);
		}
	}

	/**
	 * A write collides with a document at a newer version, or with a document of the old
	 * flat shape (no versions): the latter is rewritten in the current shape, its old
	 * fields kept for the sections Redis does not have.
	 */
	private int upgradeLegacy(Map<String, SectionWrite> collided, Date now) {
		int upgraded = 0;
		for (Document stored : this.profiles.find(Filters.and(Filters.in(UserProfileDocument.ID, collided.keySet()),
				Filters.ne(UserProfileDocument.SCHEMA, UserProfileDocument.SCHEMA_VERSION)))) {
			SectionWrite write = collided.get(String.valueOf(stored.get(UserProfileDocument.ID)));
			Map<String, String> merged = new HashMap<>(ProfileDocumentCodec.toFields(stored));
			for (ProfileSection section : ProfileSection.values()) {
				if (write.fields().containsKey(section.versionField())) {
					merged.keySet().removeIf((field) -> field.startsWith(section.prefix()));
					write.fields().forEach((field, value) -> {
						if (field.startsWith(section.prefix())) {
							merged.put(field, value);
						}
					});
				}
			}
			Document current = ProfileDocumentCodec.toDocument(write.userId(), merged, now.toInstant());
			upgraded += (int) this.profiles
				.replaceOne(Filters.and(Filters.eq(UserProfileDocument.ID, stored.get(UserProfileDocument.ID)),
						Filters.ne(UserProfileDocument.SCHEMA, UserProfileDocument.SCHEMA_VERSION)), current)
				.getModifiedCount();
		}
		return upgraded;
	}

	private static UpdateOneModel<Document> upsert(SectionWrite write, Date now) {
		String name = write.section().documentName();
		// matches a missing document (then inserts it, schemaVersion 2 taken from the
		// filter) or a current one whose section is older; a document at the same or a
		// newer version, or of the old shape, does not match, so the insert fails on _id
		// and nothing is overwritten
		Bson filter = Filters.and(Filters.eq(UserProfileDocument.ID, write.userId()),
				Filters.eq(UserProfileDocument.SCHEMA, UserProfileDocument.SCHEMA_VERSION),
				Filters.not(Filters.gte(write.section().versionPath(), write.version())));
		Bson update = Updates.combine(Updates.set(name, ProfileDocumentCodec.section(write.section(), write.fields())),
				Updates.set(UserProfileDocument.SOURCES + "." + name,
						ProfileDocumentCodec.source(write.section(), write.fields())),
				Updates.set(UserProfileDocument.USER_ID, write.userId()),
				Updates.set(UserProfileDocument.UPDATED_AT, now),
				Updates.setOnInsert(UserProfileDocument.SCHEMA, UserProfileDocument.SCHEMA_VERSION));
		return new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true));
	}

	private static Bson ofUsers(Collection<String> userIds) {
		return Filters.or(Filters.in(UserProfileDocument.ID, userIds),
				Filters.in(UserProfileDocument.USER_ID, userIds));
	}

	private <T> T guarded(Supplier<T> call) {
		try {
			return this.breaker.executeSupplier(call);
		}
		catch (MongoException | CallNotPermittedException ex) {
			throw new MongoUnavailableException(ex);
		}
	}

	/**
	 * While the breaker is half-open, sends it a cheap probe read, so it closes (and
	 * write-through and write-behind resume) even when no write comes along to test it.
	 */
	public void probeIfRecovering() {
		if (this.breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
			try {
				guarded(() -> this.profiles.find().limit(1).first());
			}
			catch (MongoUnavailableException ex) {
				// still down: the breaker opens again
			}
		}
	}

	/**
	 * The current time of this store's clock.
	 * @return now
	 */
	public Instant now() {
		return this.clock.instant();
	}

}
