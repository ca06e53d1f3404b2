package io.pulsehub.stream.topology;

import java.time.Duration;

import io.pulsehub.contracts.events.EventType;
import io.pulsehub.stream.trending.ItemScore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.pulsehub.stream.topology.Events.event;
import static io.pulsehub.stream.topology.TopologyFixture.REFRESH;
import static io.pulsehub.stream.topology.TopologyFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

class TrendingTopologyTests {

	private final TopologyFixture fixture = new TopologyFixture();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void publishesTheTopItemsByWeightedEngagementOnTheWallClock() {
		this.fixture.send(event("u1", EventType.PAGE_VIEW, T0).setItemId("book").build());
		this.fixture.send(event("u2", EventType.PAGE_VIEW, T0).setItemId("book").build());
		this.fixture.send(event("u1", EventType.PURCHASE, T0).setItemId("lamp").build());
		this.fixture.send(event("u3", EventType.CLICK, T0).setItemId("pen").build());
		this.fixture.send(event("u3", EventType.PAGE_VIEW, T0).setItemId("mug").build());
		this.fixture.send(event("u3", EventType.IMPRESSION, T0).setItemId("ad").build());
		assertThat(this.fixture.sinks.trending(0)).isEmpty();

		this.fixture.driver.advanceWallClockTime(REFRESH);

		assertThat(this.fixture.sinks.trending(0)).containsExactly(new ItemScore("lamp", 10), new ItemScore("pen", 3),
				new ItemScore("book", 2));
		assertThat(this.fixture.sinks.trendingAsOf()).isEqualTo(T0.plus(REFRESH));
	}

	@Test
	void forgetsItemsWithoutEngagementInTheLastHour() {
		this.fixture.send(event("u1", EventType.CLICK, T0).setItemId("pen").build());
		this.fixture.driver.advanceWallClockTime(Duration.ofMinutes(30));
		assertThat(this.fixture.sinks.trending(0)).containsExactly(new ItemScore("pen", 3));

		this.fixture.driver.advanceWallClockTime(Duration.ofMinutes(31));

		assertThat(this.fixture.sinks.trending(0)).isEmpty();
	}

	@Test
	void countsEachEventOnceForItsItem() {
		var click = event("u1", EventType.CLICK, T0).setItemId("pen").build();
		this.fixture.send(click);
		this.fixture.send(click);

		this.fixture.driver.advanceWallClockTime(REFRESH);

		assertThat(this.fixture.sinks.trending(0)).containsExactly(new ItemScore("pen", 3));
	}

}
