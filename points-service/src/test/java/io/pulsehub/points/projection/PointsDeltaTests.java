package io.pulsehub.points.projection;

import io.pulsehub.contracts.events.PointsEvent;
import io.pulsehub.contracts.events.PointsEventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How each kind of ledger event moves the projected lifetime totals.
 */
class PointsDeltaTests {

	@Test
	void earnsAndSpendsAddToTheirTotals() {
		assertThat(PointsDelta.of(event(PointsEventType.EARNED, 40))).isEqualTo(new PointsDelta(40, 0));
		assertThat(PointsDelta.of(event(PointsEventType.SPENT, 15))).isEqualTo(new PointsDelta(0, 15));
	}

	@Test
	void reversalsUndoTheTotalOfWhatTheyCompensate() {
		assertThat(PointsDelta.of(event(PointsEventType.REVERSED, -40))).isEqualTo(new PointsDelta(-40, 0));
		assertThat(PointsDelta.of(event(PointsEventType.REVERSED, 15))).isEqualTo(new PointsDelta(0, -15));
	}

	@Test
	void refusesAnUnknownType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PointsDelta.of(event(PointsEventType.POINTS_EVENT_TYPE_UNSPECIFIED, 1)));
	}

	private static PointsEvent event(PointsEventType type, long amount) {
		return PointsEvent.newBuilder().setType(type).setAmount(amount).build();
	}

}
