package io.pulsehub.profile.attributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.profile.AttributeFields;
import io.pulsehub.profile.cache.ProfileCache;
import io.pulsehub.profile.core.InputError;
import io.pulsehub.profile.core.JsonValues;
import io.pulsehub.profile.core.ProfileChangePublisher;
import io.pulsehub.profile.core.ProfileDocumentStore;
import io.pulsehub.profile.core.ProfileHashStore;
import io.pulsehub.profile.core.ProfileProblem;
import io.pulsehub.profile.core.StoreUnavailableException;
import io.pulsehub.profile.core.StoredProfile;
import tools.jackson.databind.JsonNode;

/**
 * Applies an attribute patch: reads the current attributes, merges, and writes the result
 * with one Redis script that checks the attribute version it read (retrying a few times
 * if another write came first) and puts the user in the outbox, then announces the
 * change, takes the user out of the outbox and drops them from this instance's cache. A
 * change stored but not announced (Kafka down, the process died) is announced by
 * {@link AttributeOutboxRelay}. A user Redis does not know is first copied back from
 * MongoDB, so the new hash does not hide their other sections.
 */
class AttributeWriter {

	private static final int ATTEMPTS = 3;

	private final ProfileHashStore hashes;

	private final ProfileDocumentStore documents;

	private final ProfileChangePublisher changes;

	private final ProfileCache cache;

	private final AttributeProperties properties;

	private final Clock clock;

	private final Duration retryAfter;

	AttributeWriter(ProfileHashStore hashes, ProfileDocumentStore documents, ProfileChangePublisher changes,
			ProfileCache cache, AttributeProperties properties, Clock clock, Duration retryAfter) {
		this.hashes = hashes;
		this.documents = documents;
		this.changes = changes;
		this.cache = cache;
		this.properties = properties;
		this.clock = clock;
		this.retryAfter = retryAfter;
	}

	/**
	 * Applies a patch.
	 * @param userId a valid user id
	 * @param patch a valid patch
	 * @return the attributes after it
	 * @throws ProfileProblem 400 (too many attributes), 409 (lost against concurrent
	 * writes), 410 (erased user), 503 (Redis or Kafka unavailable)
	 */
	AttributesView apply(String userId, AttributePatch patch) {
		try {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				AttributesView written = attempt(userId, patch);
				if (written != null) {
					return written;
				}
			}
			throw ProfileProblem.conflict();
		}
		catch (StoreUnavailableException ex) {
			throw ProfileProblem.unavailable(("kafka".equals(ex.store())
					? "The attributes were stored but the change could not be announced yet; "
							+ "it will be announced once Kafka answers, or repeat the same patch."
					: "Redis did not answer in time; nothing was stored."), this.retryAfter);
		}
	}

	private AttributesView attempt(String userId, AttributePatch patch) {
		StoredProfile stored = current(userId);
		if (stored.erased()) {
			throw ProfileProblem.erased(userId);
		}
		Map<String, JsonNode> attributes = new TreeMap<>(stored.fields().attributes());
		Map<String, String> sets = new LinkedHashMap<>();
		List<String> deletes = new ArrayList<>();
		patch.members().forEach((key, value) -> {
			JsonNode merged = AttributePatch.merge(attributes.get(key), value);
			if (merged == null) {
				attributes.remove(key);
				deletes.add(AttributeFields.attribute(key));
			}
			else {
				attributes.put(key, merged);
				sets.put(AttributeFields.attribute(key), JsonValues.text(merged));
			}
		});
		if (attributes.size() > this.properties.maxAttributes()) {
			throw tooMany();
		}
		Instant now = this.clock.instant();
		long version = this.hashes.writeAttributes(userId, stored.fields().versions().attributes(), now,
				this.properties.maxAttributes(), sets, deletes);
		if (version == ProfileHashStore.VERSION_MISMATCH) {
			return null;
		}
		if (version == ProfileHashStore.ERASED) {
			throw ProfileProblem.erased(userId);
		}
		if (version == ProfileHashStore.TOO_MANY) {
			throw tooMany();
		}
		this.cache.evict(userId);
		List<String> changed = new ArrayList<>(sets.keySet());
		changed.addAll(deletes);
		this.changes.publish(userId, ChangeKind.ATTRIBUTES, changed, version, now);
		announced(userId, now);
		return new AttributesView(userId, attributes, version, now);
	}

	private void announced(String userId, Instant writtenAt) {
		try {
			this.hashes.outboxDone(userId, writtenAt.toEpochMilli());
		}
		catch (StoreUnavailableException ex) {
			// stored and announced; the relay announces it once more, which is harmless
		}
	}

	private StoredProfile current(String userId) {
		StoredProfile inRedis = this.hashes.read(userId);
		if (inRedis.found() || inRedis.erased()) {
			return inRedis;
		}
		StoredProfile inMongo;
		try {
			inMongo = this.documents.find(userId);
		}
		catch (StoreUnavailableException ex) {
			// a new user most likely; Redis's own tombstone still guards the write
			return inRedis;
		}
		if (inMongo.found()) {
			this.hashes.rewarm(userId, inMongo.fields());
			return this.hashes.read(userId);
		}
		return inMongo.erased() ? inMongo : inRedis;
	}

	private ProfileProblem tooMany() {
		return ProfileProblem.invalid(List.of(new InputError("body", "too_many",
				"a user may have at most " + this.properties.maxAttributes() + " attributes")));
	}

}
