package io.pulsehub.contracts.profile;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileDocumentCodecTests {

	private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

	@Test
	void writesAndReadsBackEverySectionOfTheHashLayout() {
		Map<String, String> hash = Map.ofEntries(Map.entry("attr.tier", "\"gold\""),
				Map.entry("attr.prefs", "{\"lang\":\"fr\",\"n\":2}"), Map.entry("attr.version", "4"),
				Map.entry("attr.updated_at", AT.toString()), Map.entry("rt.version", "40"),
				Map.entry("rt.updated_at", AT.toString()), Map.entry("rt.first_seen", "2025-01-01T00:00:00Z"),
				Map.entry("rt.last_seen", AT.toString()), Map.entry("rt.device.class", "MOBILE"),
				Map.entry("rt.count.page_view", "12"), Map.entry("rt.purchase_amount.EUR", "4999"),
				Map.entry("rt.views_5m", "300/10|1000:4"), Map.entry("off.segment_id", "vip"),
				Map.entry("off.ltv_total", "125000"), Map.entry("off.version", "2"), Map.entry("pts.balance", "80"),
				Map.entry("pts.lifetime_earned", "100"), Map.entry("pts.version", "6"));
		Document document = ProfileDocumentCodec.toDocument("u-1", hash, AT);
		assertThat(document.getInteger("schemaVersion")).isEqualTo(2);
		assertThat(document.getString("userId")).isEqualTo("u-1");
		assertThat(document.get("attributes", Document.class).get("prefs", Map.class)).containsEntry("lang", "fr");
		assertThat(document.get("realtime", Document.class).get("windowed", Document.class)).containsEntry("views_5m",
				"300/10|1000:4");
		assertThat(document.get("realtime", Document.class).get("asOf")).isEqualTo(Date.from(AT));
		assertThat(document.get("sources", Document.class).get("realtime", Document.class).get("version"))
			.isEqualTo(40L);
		assertThat(ProfileDocumentCodec.toFields(document)).containsAllEntriesOf(hash);
	}

	@Test
	void leavesOutSectionsTheUserDoesNotHave() {
		Document document = ProfileDocumentCodec.toDocument("u-1", Map.of("attr.tier", "\"gold\"", "attr.version", "1"),
				AT);
		assertThat(ProfileDocumentCodec.toFields(document)).containsOnlyKeys("attr.tier", "attr.version");
	}

	@Test
	void writesOneSectionAndItsSourceForGuardedUpdates() {
		Map<String, String> hash = Map.of("pts.balance", "80", "pts.version", "6", "pts.updated_at", AT.toString(),
				"attr.tier", "\"gold\"");
		assertThat(ProfileDocumentCodec.section(ProfileSection.POINTS, hash)).containsEntry("balance", 80L)
			.doesNotContainKey("tier");
		assertThat(ProfileDocumentCodec.source(ProfileSection.POINTS, hash)).containsEntry("version", 6L)
			.containsEntry("updatedAt", Date.from(AT));
		assertThat(ProfileSection.POINTS.versionPath()).isEqualTo("sources.points.version");
	}

	@Test
	void readsTheOldFlatShapeAsVersionZeroSections() {
		Document legacy = new Document("_id", "u-1").append("pageViews", 17)
			.append("clicks", 2.0)
			.append("lastDeviceType", "tablet")
			.append("lastSeen", Date.from(AT))
			.append("segment", "legacy")
			.append("ltv", 900L)
			.append("points", 40)
			.append("email", "ann@example.com")
			.append("attributes", new Document("lang", "fr"))
			.append("updatedAt", Date.from(AT));
		assertThat(ProfileDocumentCodec.isCurrent(legacy)).isFalse();
		assertThat(ProfileDocumentCodec.toFields(legacy)).containsEntry("rt.count.page_view", "17")
			.containsEntry("rt.count.click", "2")
			.containsEntry("rt.device.class", "TABLET")
			.containsEntry("rt.last_seen", AT.toString())
			.containsEntry("rt.version", "0")
			.containsEntry("rt.updated_at", AT.toString())
			.containsEntry("off.segment_id", "legacy")
			.containsEntry("off.ltv_total", "900")
			.containsEntry("pts.balance", "40")
			.containsEntry("attr.email", "\"ann@example.com\"")
			.containsEntry("attr.lang", "\"fr\"")
			.doesNotContainKeys("attr._id", "attr.updatedAt");
	}

}
