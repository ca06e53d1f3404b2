package io.pulsehub.stream.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.contracts.profile.RealtimeFields;
import io.pulsehub.contracts.profile.RealtimeTagsView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.pulsehub.stream.topology.Events.event;
import static io.pulsehub.stream.topology.TopologyFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileTagsTopologyTests {

	private final TopologyFixture fixture = new TopologyFixture();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void keepsLifetimeTotalsAndWindowedTagsPerUser() {
		for (int i = 0; i < 3; i++) {
			this.fixture.send(event("u1", EventType.PAGE_VIEW, T0.plusSeconds(i)).build());
		}
		this.fixture.send(event("u1", EventType.CLICK, T0.plusSeconds(10)).build());
		this.fixture.send(event("u1", EventType.IMPRESSION, T0.plusSeconds(11)).build());
		this.fixture.send(event("u1", EventType.IMPRESSION, T0.plusSeconds(12)).build());
		this.fixture
			.send(event("u1", EventType.PURCHASE, T0.plusSeconds(20)).setAmountMinor(1999).setCurrency("EUR").build());
		this.fixture.send(event("u2", EventType.PAGE_VIEW, T0).build());

		RealtimeTagsView u1 = this.fixture.sinks.view("u1", T0.plusSeconds(30));

		assertThat(u1.version()).isEqualTo(7);
		assertThat(u1.counts()).containsEntry("page_view", 3L)
			.containsEntry("click", 1L)
			.containsEntry("impression", 2L)
			.containsEntry("purchase", 1L);
		assertThat(u1.purchaseAmounts()).containsEntry("EUR", 1999L);
		assertThat(u1.windowed()).containsEntry("views_5m", 3L)
			.containsEntry("clicks_5m", 1L)
			.containsEntry("clicks_1h", 1L)
			.containsEntry("clicks_24h", 1L)
			.containsEntry("impressions_24h", 2L)
			.containsEntry("purchases_24h", 1L);
		assertThat(u1.ctr24h()).isEqualTo(0.5);
		assertThat(u1.firstSeen()).isEqualTo(T0);
		assertThat(u1.lastSeen()).isEqualTo(T0.plusSeconds(20));
		assertThat(this.fixture.sinks.view("u2", T0).counts()).containsEntry("page_view", 1L);
	}

	@Test
	void announcesEveryChangeWithItsVersionAndFields() {
		UserActivityEvent view = event("u1", EventType.PAGE_VIEW, T0).build();
		this.fixture.send(view);
		this.fixture.send(event("u1", EventType.CLICK, T0.plusSeconds(1)).build());

		List<ProfileChanged> changes = this.fixture.changes.readValuesToList();

		assertThat(changes).extracting(ProfileChanged::getVersion).containsExactly(1L, 2L);
		assertThat(changes).allSatisfy((change) -> {
			assertThat(change.getUserId()).isEqualTo("u1");
			assertThat(change.getKind()).isEqualTo(ChangeKind.REALTIME);
		});
		assertThat(changes.get(0).getCauseEventId()).isEqualTo(view.getEventId());
		assertThat(changes.get(0).getCauseEventType()).isEqualTo(EventType.PAGE_VIEW);
		assertThat(changes.get(0).getChangedFieldsList()).contains("rt.count.page_view", "rt.views_5m",
				RealtimeFields.FIRST_SEEN, RealtimeFields.LAST_SEEN);
		assertThat(changes.get(1).getChangedFieldsList()).contains("rt.count.click", "rt.clicks_5m", "rt.clicks_1h",
				"rt.clicks_24h");
	}

	@Test
	void windowedTagsAreTrueWhenReadNotWhenLastWritten() {
		for (int i = 0; i < 3; i++) {
			this.fixture.send(event("u1", EventType.PAGE_VIEW, T0.plusSeconds(i)).build());
		}
		this.fixture.send(event("u1", EventType.CLICK, T0).build());

		assertThat(this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(4))).windowed()).containsEntry("views_5m",
				3L);
		RealtimeTagsView tenMinutesLater = this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(10)));
		assertThat(tenMinutesLater.windowed()).containsEntry("views_5m", 0L)
			.containsEntry("clicks_5m", 0L)
			.containsEntry("clicks_1h", 1L)
			.containsEntry("clicks_24h", 1L);
		RealtimeTagsView nextDay = this.fixture.sinks.view("u1", T0.plus(Duration.ofHours(25)));
		assertThat(nextDay.windowed()).containsEntry("clicks_1h", 0L).containsEntry("clicks_24h", 0L);
		assertThat(nextDay.counts()).containsEntry("page_view", 3L);
	}

	@Test
	void windowsEmptyAsWallClockAndStreamTimeMoveOnWithoutAnotherWriteForTheTagsThatDecayed() {
		for (int i = 0; i < 3; i++) {
			this.fixture.send(event("u1", EventType.PAGE_VIEW, T0.plusSeconds(i)).build());
		}
		String viewsWritten = this.fixture.sinks.hash("u1").get("rt.views_5m");

		this.fixture.driver.advanceWallClockTime(Duration.ofMinutes(6));

		assertThat(this.fixture.sinks.hash("u1")).containsEntry("rt.views_5m", viewsWritten);
		assertThat(this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(6))).windowed()).containsEntry("views_5m",
				0L);

		this.fixture.send(event("u1", EventType.PAGE_VIEW, T0.plus(Duration.ofMinutes(6))).build());

		RealtimeTagsView afterNextView = this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(6)));
		assertThat(afterNextView.windowed()).containsEntry("views_5m", 1L);
		assertThat(afterNextView.counts()).containsEntry("page_view", 4L);
		assertThat(this.fixture.sinks.hash("u1").get("rt.views_5m"))
			.doesNotContain(Long.toString(T0.getEpochSecond()) + ":");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					desktop Chrome | DESKTOP | Windows NT | Chrome    | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36
					iPhone Safari  | MOBILE  | iOS        | Safari    | Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1
					iPad           | TABLET  | iOS        | Safari    | Mozilla/5.0 (iPad; CPU OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1
					Android        | MOBILE  | Android    | Chrome    | Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36
					Googlebot      | BOT     | Google Cloud | Googlebot | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
					curl           | BOT     | Cloud      | Curl      | curl/8.5.0
					""")
	void tagsTheDeviceOfARealAgent(String description, String deviceClass, String os, String browser,
			String userAgent) {
		this.fixture.send(event("u1", EventType.PAGE_VIEW, T0).setUserAgent(userAgent).build());

		assertThat(this.fixture.sinks.hash("u1")).containsEntry("rt.device.class", deviceClass)
			.containsEntry("rt.device.os", os)
			.containsEntry("rt.device.browser", browser);
	}

	@Test
	void tagsTenKilobytesOfGarbageAsAnUnknownDevice() {
		String garbage = new Random(42).ints(10 * 1024, 33, 127)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();

		this.fixture.send(event("u1", EventType.PAGE_VIEW, T0).setUserAgent(garbage).build());

		assertThat(this.fixture.sinks.view("u1", T0).deviceClass()).isEqualTo("UNKNOWN");
	}

	@Test
	void anEventLeavesItsWindowNoLaterThanOneWindowAfterItHappened() {
		Instant lastSecondOfBucket = T0.plusSeconds(9);
		this.fixture.send(event("u1", EventType.PAGE_VIEW, lastSecondOfBucket).build());

		assertThat(this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(5))).windowed()).containsEntry("views_5m",
				1L);
		assertThat(this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(5)).plusSeconds(1)).windowed())
			.containsEntry("views_5m", 0L);
	}

	@Test
	void countsLateAndOutOfOrderEventsInTheirOwnWindow() {
		this.fixture.send(event("u1", EventType.CLICK, T0.plus(Duration.ofMinutes(3))).build());
		this.fixture.send(event("u1", EventType.CLICK, T0).build());

		RealtimeTagsView view = this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(3)));
		assertThat(view.windowed()).containsEntry("clicks_5m", 2L);
		assertThat(view.firstSeen()).isEqualTo(T0);
		assertThat(view.lastSeen()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
		assertThat(this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(5)).plusSeconds(1)).windowed())
			.containsEntry("clicks_5m", 1L);
	}

	@Test
	void countsAnEventLaterThanItsWindowOnlyInLifetimeTotalsAndLongerWindows() {
		this.fixture.send(event("u1", EventType.CLICK, T0.plus(Duration.ofMinutes(20))).build());
		this.fixture.send(event("u1", EventType.CLICK, T0).build());

		RealtimeTagsView view = this.fixture.sinks.view("u1", T0.plus(Duration.ofMinutes(20)));
		assertThat(view.counts()).containsEntry("click", 2L);
		assertThat(view.windowed()).containsEntry("clicks_5m", 1L)
			.containsEntry("clicks_1h", 2L)
			.containsEntry("clicks_24h", 2L);
		assertThat(this.fixture.counter("pulsehub.stream.late.events")).isEqualTo(1);
	}

	@Test
	void countsADuplicateEventOnce() {
		UserActivityEvent view = event("u1", EventType.PAGE_VIEW, T0).build();
		this.fixture.send(view);
		this.fixture.send(view.toBuilder().setReceivedAt(Events.timestamp(T0.plusSeconds(30))).build());

		assertThat(this.fixture.sinks.view("u1", T0).counts()).containsEntry("page_view", 1L);
		assertThat(this.fixture.changes.readValuesToList()).hasSize(1);
		assertThat(this.fixture.counter("pulsehub.stream.dedupe.hits")).isEqualTo(1);
	}

	@Test
	void forgetsEventIdsAfterTheRetention() {
		UserActivityEvent view = event("u1", EventType.PAGE_VIEW, T0).build();
		this.fixture.send(view);
		Instant twoDaysLater = T0.plus(Duration.ofDays(2));
		this.fixture.send(event("u2", EventType.PAGE_VIEW, twoDaysLater).build());
		this.fixture.send(view.toBuilder().setReceivedAt(Events.timestamp(twoDaysLater.plusSeconds(1))).build());

		assertThat(this.fixture.sinks.view("u1", T0).counts()).containsEntry("page_view", 2L);
	}

	@Test
	void keepsTheLastDeviceOfTheLatestEventWithAUserAgentSoAnEmptyAgentChangesNothing() {
		this.fixture.send(event("u1", EventType.PAGE_VIEW, T0).setUserAgent(Events.CHROME_DESKTOP).build());
		this.fixture.send(event("u1", EventType.PURCHASE, T0.plusSeconds(5)).build());

		RealtimeTagsView view = this.fixture.sinks.view("u1", T0);
		assertThat(view.deviceClass()).isEqualTo("DESKTOP");
		assertThat(view.deviceOs()).isNotBlank();
		assertThat(view.deviceBrowser()).containsIgnoringCase("chrome");
	}

}
