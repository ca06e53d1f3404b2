package io.pulsehub.profile.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.pulsehub.contracts.profile.ProfileDocumentCodec;
import io.pulsehub.contracts.profile.UserProfileDocument;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The durable profiles in MongoDB (L3) and the erasure tombstones. Single-document
 * operations only (the local MongoDB-protocol server has no sessions), each through the
 * MongoDB circuit breaker.
 */
public class ProfileDocumentStore {

	private static final Log logger = LogFactory.getLog(ProfileDocumentStore.class);

	private final MongoCollection<Document> profiles;

	private final MongoCollection<Document> tombstones;

	private final StoreGuard guard;

	ProfileDocumentStore(MongoCollection<Document> profiles, MongoCollection<Document> tombstones, StoreGuard guard) {
		this.profiles = profiles;
		this.tombstones = tombstones;
		this.guard = guard;
	}

	/**
	 * A user's document in any supported shape, unless the user was erased; a document of
	 * the old shape is rewritten in the current one (only if no writer did first).
	 * @param userId the user
	 * @return the stored profile
	 * @throws StoreUnavailableException when MongoDB failed
	 */
	public StoredProfile find(String userId) {
		return this.guard.call(() -> {
			if (this.tombstones.find(Filters.eq(UserProfileDocument.ID, userId)).first() != null) {
				return StoredProfile.ERASED;
			}
			Document document = this.profiles.find(ofUser(userId)).first();
			if (document == null) {
				return StoredProfile.ABSENT;
			}
			ProfileFields fields = new ProfileFields(ProfileDocumentCodec.toFields(document));
			if (!ProfileDocumentCodec.isCurrent(document)) {
				upgrade(userId, document, fields);
			}
			return new StoredProfile(false, fields);
		});
	}

	/**
	 * One page of the profiles of a segment, most recently updated first.
	 * @param segment the segment id
	 * @param page the page, from 0
	 * @param size the page size
	 * @return up to {@code size + 1} entries, so the caller sees whether more follow
	 * @throws StoreUnavailableException when MongoDB failed
	 */
	public List<ProfileEntry> bySegment(String segment, int page, int size) {
		Bson filter = Filters.or(Filters.eq(UserProfileDocument.SEGMENT_PATH, segment), Filters.eq("segment", segment));
		return this.guard.call(() -> {
			List<ProfileEntry> entries = new ArrayList<>(size + 1);
			for (Document document : this.profiles.find(filter)
				.sort(Sorts.orderBy(Sorts.descending(UserProfileDocument.UPDATED_AT),
						Sorts.ascending(UserProfileDocument.ID)))
				.skip(page * size)
				.limit(size + 1)) {
				entries.add(new ProfileEntry(ProfileDocumentCodec.userIdOf(document),
						new ProfileFields(ProfileDocumentCodec.toFields(document))));
			}
			return entries;
		});
	}

	/**
	 * The most recently updated users.
	 * @param limit how many
	 * @return their ids, most recent first
	 * @throws StoreUnavailableException when MongoDB failed
	 */
	public List<String> recentlyUpdated(int limit) {
		return this.guard.call(() -> {
			List<String> ids = new ArrayList<>(limit);
			for (Document document : this.profiles.find()
				.sort(Sorts.descending(UserProfileDocument.UPDATED_AT))
				.limit(limit)
				.projection(Projections.include(UserProfileDocument.ID, UserProfileDocument.USER_ID))) {
				ids.add(ProfileDocumentCodec.userIdOf(document));
			}
			return ids;
		});
	}

	/**
	 * Writes the user's durable tombstone (idempotent).
	 * @param userId the user
	 * @param erasureId the erasure
	 * @param erasedAt when
	 * @throws StoreUnavailableException when MongoDB failed
	 */
	public void tombstone(String userId, String erasureId, Instant erasedAt) {
		this.guard.call(() -> this.tombstones.updateOne(Filters.eq(UserProfileDocument.ID, userId),
				Updates.combine(Updates.setOnInsert(UserProfileDocument.ERASURE_ID, erasureId),
						Updates.setOnInsert(UserProfileDocument.ERASED_AT, Date.from(erasedAt))),
				new UpdateOptions().upsert(true)));
	}

	/**
	 * Deletes every document of the user (idempotent).
	 * @param userId the user
	 * @return how many were deleted
	 * @throws StoreUnavailableException when MongoDB failed
	 */
	public long delete(String userId) {
		return this.guard.call(() -> this.profiles.deleteMany(ofUser(userId)).getDeletedCount());
	}

	/**
	 * Whether any document of the user is stored.
	 * @param userId the user
	 * @return true if one is
	 * @throws StoreUnavailableException when MongoDB failed
	 */
	public boolean exists(String userId) {
		return this.guard.call(() -> this.profiles.countDocuments(ofUser(userId)) > 0);
	}

	/** Creates the indexes of segment queries, of the recency order and of old ids. */
	void createIndexes() {
		this.profiles.createIndex(
				Indexes.compoundIndex(Indexes.ascending(UserProfileDocument.SEGMENT_PATH),
						Indexes.descending(UserProfileDocument.UPDATED_AT)),
				new IndexOptions().name("segment_updatedAt"));
		this.profiles.createIndex(Indexes.descending(UserProfileDocument.UPDATED_AT),
				new IndexOptions().name("updatedAt"));
		this.profiles.createIndex(Indexes.ascending(UserProfileDocument.USER_ID), new IndexOptions().name("userId"));
		this.profiles.createIndex(Indexes.ascending("segment"), new IndexOptions().name("legacy_segment"));
	}

	private void upgrade(String userId, Document stored, ProfileFields fields) {
		// keeps the document's own recency: an upgrade is not activity
		Instant updatedAt = (fields.updatedAt() != null) ? fields.updatedAt() : Instant.now();
		Document current = ProfileDocumentCodec.toDocument(userId, fields.fields(), updatedAt);
		try {
			// only while nobody wrote the current shape in between
			this.profiles.replaceOne(
					Filters.and(Filters.eq(UserProfileDocument.ID, stored.get(UserProfileDocument.ID)),
							Filters.ne(UserProfileDocument.SCHEMA, UserProfileDocument.SCHEMA_VERSION)),
					current, new ReplaceOptions());
		}
		catch (MongoException ex) {
			logger.warn("Could not upgrade the profile document of " + userId + ": " + ex.getMessage());
		}
	}

	private static Bson ofUser(String userId) {
		return Filters.or(Filters.eq(UserProfileDocument.ID, userId), Filters.eq(UserProfileDocument.USER_ID, userId));
	}

}
