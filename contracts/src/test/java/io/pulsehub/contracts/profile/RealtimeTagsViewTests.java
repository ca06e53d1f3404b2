package io.pulsehub.contracts.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.pulsehub.contracts.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RealtimeTagsViewTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void sumsWindowedTagsAtTheReadInstantAndDerivesTheClickThroughRate() {
		WindowedCount day = WindowedCount.empty(Duration.ofHours(24), Duration.ofMinutes(15));
		Map<String, String> hash = Map.of(RealtimeFields.VERSION, "7", RealtimeFields.LAST_SEEN, T0.toString(),
				RealtimeFields.count(EventType.PAGE_VIEW), "3", RealtimeFields.purchaseAmount("EUR"), "1999",
				RealtimeFields.windowed("views_5m"),
				WindowedCount.empty(Duration.ofMinutes(5), Duration.ofSeconds(10)).plus(T0, 3, T0).encode(),
				RealtimeFields.windowed("clicks_24h"), day.plus(T0, 1, T0).encode(),
				RealtimeFields.windowed("impressions_24h"), day.plus(T0, 4, T0).encode(), "attr.name", "Ada");

		RealtimeTagsView now = RealtimeTagsView.of(hash, T0.plusSeconds(60));
		RealtimeTagsView later = RealtimeTagsView.of(hash, T0.plus(Duration.ofMinutes(10)));

		assertThat(now.version()).isEqualTo(7);
		assertThat(now.lastSeen()).isEqualTo(T0);
		assertThat(now.counts()).containsExactlyEntriesOf(Map.of("page_view", 3L));
		assertThat(now.purchaseAmounts()).containsExactlyEntriesOf(Map.of("EUR", 1999L));
		assertThat(now.windowed()).containsEntry("views_5m", 3L).containsEntry("clicks_24h", 1L);
		assertThat(now.ctr24h()).isEqualTo(0.25);
		assertThat(later.windowed()).containsEntry("views_5m", 0L).containsEntry("clicks_24h", 1L);
	}

	@Test
	void readsAnEmptyNamespaceAsAUserWithoutRealtimeTags() {
		RealtimeTagsView view = RealtimeTagsView.of(Map.of("attr.name", "Ada"), T0);

		assertThat(view.version()).isZero();
		assertThat(view.lastSeen()).isNull();
		assertThat(view.windowed()).isEmpty();
		assertThat(view.ctr24h()).isNull();
	}

}
