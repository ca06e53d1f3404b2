package io.pulsehub.sync.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pulsehub.contracts.profile.ProfileDocumentCodec;
import io.pulsehub.contracts.profile.ProfileSection;
import io.pulsehub.sync.store.ProfileDocuments;
import io.pulsehub.sync.store.ProfileSnapshot;
import io.pulsehub.sync.store.RedisProfiles;
import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;

/**
 * Compares users between Redis and MongoDB, section by section. Both sides go through the
 * document mapping first, so what the mapping cannot keep (sub-millisecond times) is not
 * reported as drift.
 */
public class DriftChecker {

	private final RedisProfiles redis;

	private final ProfileDocuments documents;

	public DriftChecker(RedisProfiles redis, ProfileDocuments documents) {
		this.redis = redis;
		this.documents = documents;
	}

	/**
	 * Checks a sample of users.
	 * @param sample how many users (Redis scan order)
	 * @return the users compared and the mismatches
	 */
	public DriftReport check(int sample) {
		List<ProfileSnapshot> snapshots = this.redis.read(this.redis.users(sample));
		List<String> live = snapshots.stream().filter((s) -> !s.erased()).map(ProfileSnapshot::userId).toList();
		Map<String, Document> stored = this.documents.find(live);
		List<Mismatch> mismatches = new ArrayList<>();
		int compared = 0;
		for (ProfileSnapshot snapshot : snapshots) {
			if (snapshot.erased()) {
				continue;
			}
			compared++;
			Document document = stored.get(snapshot.userId());
			Map<String, String> inMongo = (document != null) ? ProfileDocumentCodec.toFields(document) : Map.of();
			Map<String, String> inRedis = ProfileDocumentCodec
				.toFields(ProfileDocumentCodec.toDocument(snapshot.userId(), snapshot.fields(), Instant.EPOCH));
			for (ProfileSection section : ProfileSection.values()) {
				Map<String, String> expected = of(section, inRedis);
				Map<String, String> actual = of(section, inMongo);
				if (!expected.isEmpty() && !expected.equals(actual)) {
					mismatches.add(new Mismatch(snapshot.userId(), section.documentName(),
							expected.get(section.versionField()), actual.get(section.versionField()),
							(document != null) ? "different" : "missing"));
				}
			}
		}
		return new DriftReport(compared, mismatches.size(), mismatches);
	}

	private static Map<String, String> of(ProfileSection section, Map<String, String> fields) {
		Map<String, String> selected = new TreeMap<>();
		fields.forEach((field, value) -> {
			if (field.startsWith(section.prefix())) {
				selected.put(field, value);
			}
		});
		return selected;
	}

	/**
	 * The outcome of a drift check.
	 *
	 * @param compared users compared (erased users are left out)
	 * @param mismatched sections that differ
	 * @param mismatches the differing sections
	 */
	@Schema(description = "Redis and MongoDB compared for a sample of users")
	public record DriftReport(int compared, int mismatched, List<Mismatch> mismatches) {

	}

	/**
	 * A section that differs.
	 *
	 * @param userId the user
	 * @param section the section
	 * @param redisVersion its version in Redis
	 * @param mongoVersion its version in MongoDB (null when MongoDB lacks it)
	 * @param reason {@code missing} (no document) or {@code different}
	 */
	public record Mismatch(String userId, @Schema(example = "realtime") String section,
			@Schema(example = "42") String redisVersion, @Schema(example = "41") String mongoVersion,
			@Schema(example = "different") String reason) {

	}

}
