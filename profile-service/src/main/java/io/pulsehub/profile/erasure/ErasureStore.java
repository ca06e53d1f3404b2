package io.pulsehub.profile.erasure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.pulsehub.profile.core.StoreGuard;
import org.bson.Document;

/**
 * The erasure records in MongoDB's {@code erasures} collection, one document each,
 * updated one field at a time (no transactions needed).
 */
class ErasureStore {

	static final String COLLECTION = "erasures";

	private static final String CLAIMED_UNTIL = "claimedUntil";

	private final MongoCollection<Document> erasures;

	private final StoreGuard guard;

	ErasureStore(MongoCollection<Document> erasures, StoreGuard guard) {
		this.erasures = erasures;
		this.guard = guard;
	}

	void create(ErasureView erasure) {
		Document stores = new Document();
		erasure.stores().forEach(stores::append);
		this.guard.call(() -> this.erasures
			.insertOne(new Document("_id", erasure.erasureId()).append("userId", erasure.userId())
				.append("status", erasure.status())
				.append("requestedAt", Date.from(erasure.requestedAt()))
				.append("stores", stores)));
	}

	ErasureView find(String erasureId) {
		Document document = this.guard.call(() -> this.erasures.find(Filters.eq("_id", erasureId)).first());
		return (document != null) ? view(document) : null;
	}

	/**
	 * Claims a pending erasure for one run, so that of several instances retrying the
	 * same erasures only one runs it at a time.
	 * @param erasureId the erasure
	 * @param now the current time
	 * @param until when the claim lapses if its holder dies without releasing it
	 * @return the erasure as stored now, or null when it is no longer pending or another
	 * run holds it
	 */
	ErasureView claim(String erasureId, Instant now, Instant until) {
		Document document = this.guard
			.call(() -> this.erasures.findOneAndUpdate(
					Filters.and(Filters.eq("_id", erasureId), Filters.eq("status", ErasureView.PENDING),
							Filters.or(Filters.exists(CLAIMED_UNTIL, false),
									Filters.lt(CLAIMED_UNTIL, Date.from(now)))),
					Updates.set(CLAIMED_UNTIL, Date.from(until)),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
		return (document != null) ? view(document) : null;
	}

	void release(String erasureId) {
		this.guard.call(() -> this.erasures.updateOne(Filters.eq("_id", erasureId), Updates.unset(CLAIMED_UNTIL)));
	}

	void mark(String erasureId, String step, String status) {
		this.guard
			.call(() -> this.erasures.updateOne(Filters.eq("_id", erasureId), Updates.set("stores." + step, status)));
	}

	void complete(String erasureId, Instant at) {
		this.guard.call(() -> this.erasures.updateOne(Filters.eq("_id", erasureId), Updates
			.combine(Updates.set("status", ErasureView.COMPLETED), Updates.set("completedAt", Date.from(at)))));
	}

	List<ErasureView> pending(int limit) {
		return this.guard.call(() -> {
			List<ErasureView> pending = new ArrayList<>();
			for (Document document : this.erasures.find(Filters.eq("status", ErasureView.PENDING))
				.sort(Sorts.ascending("requestedAt"))
				.limit(limit)) {
				pending.add(view(document));
			}
			return pending;
		});
	}

	private static ErasureView view(Document document) {
		Map<String, String> stores = new LinkedHashMap<>();
		Document stored = document.get("stores", Document.class);
		for (String step : ErasureView.STEPS) {
			stores.put(step, (stored != null) ? stored.getString(step) : ErasureView.PENDING);
		}
		Date completedAt = document.getDate("completedAt");
		return new ErasureView(document.getString("_id"), document.getString("userId"), document.getString("status"),
				document.getDate("requestedAt").toInstant(), (completedAt != null) ? completedAt.toInstant() : null,
				stores);
	}

}
