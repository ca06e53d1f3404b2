package io.pulsehub.sync.routing;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.sync.strategy.StrategyName;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RouteTableTests {

	private static final Supplier<String> NO_SEGMENT = () -> null;

	@Test
	void matchesOnKindEventTypeFieldsAndSegment() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("pulsehub.sync.routing.default-strategy", "scheduled")
			.withProperty("pulsehub.sync.routing.rules[0].id", "volatile")
			.withProperty("pulsehub.sync.routing.rules[0].fields", "rt.trending*")
			.withProperty("pulsehub.sync.routing.rules[0].strategy", "SKIP")
			.withProperty("pulsehub.sync.routing.rules[1].id", "vip")
			.withProperty("pulsehub.sync.routing.rules[1].segments", "vip")
			.withProperty("pulsehub.sync.routing.rules[1].strategy", "WRITE_THROUGH")
			.withProperty("pulsehub.sync.routing.rules[2].id", "views")
			.withProperty("pulsehub.sync.routing.rules[2].kinds", "REALTIME")
			.withProperty("pulsehub.sync.routing.rules[2].event-types", "PAGE_VIEW,CLICK")
			.withProperty("pulsehub.sync.routing.rules[2].strategy", "WRITE_BEHIND");
		RouteTable.Routes routes = RouteTable.bind(environment);
		assertThat(routes.defaultStrategy()).isEqualTo(StrategyName.SCHEDULED);
		assertThat(first(routes, change(ChangeKind.REALTIME, EventType.PAGE_VIEW, "rt.trending_score"), NO_SEGMENT))
			.isEqualTo("volatile");
		// ALL: a change that also touched a lasting field is not volatile
		assertThat(first(routes,
				change(ChangeKind.REALTIME, EventType.PAGE_VIEW, "rt.trending_score", "rt.count.page_view"),
				NO_SEGMENT))
			.isEqualTo("views");
		assertThat(first(routes, change(ChangeKind.REALTIME, EventType.CLICK, "rt.count.click"), () -> "vip"))
			.isEqualTo("vip");
		assertThat(first(routes, change(ChangeKind.REALTIME, EventType.PURCHASE, "rt.count.purchase"), NO_SEGMENT))
			.isEqualTo("default");
		assertThat(first(routes, change(ChangeKind.POINTS, EventType.PAGE_VIEW, "pts.balance"), NO_SEGMENT))
			.isEqualTo("default");
	}

	@Test
	void matchesAnyFieldWhenTheRuleSaysSo() {
		RouteTable.Routes routes = RouteTable
			.bind(new MockEnvironment().withProperty("pulsehub.sync.routing.rules[0].id", "money")
				.withProperty("pulsehub.sync.routing.rules[0].fields", "rt.purchase_amount.*")
				.withProperty("pulsehub.sync.routing.rules[0].fields-match", "any")
				.withProperty("pulsehub.sync.routing.rules[0].strategy", "WRITE_THROUGH"));
		assertThat(first(routes,
				change(ChangeKind.REALTIME, EventType.PURCHASE, "rt.count.purchase", "rt.purchase_amount.EUR"),
				NO_SEGMENT))
			.isEqualTo("money");
		assertThat(routes.defaultStrategy()).isEqualTo(StrategyName.WRITE_THROUGH);
	}

	@Test
	void refusesRulesWithoutIdOrStrategyAndDuplicateIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> RouteTable
			.bind(new MockEnvironment().withProperty("pulsehub.sync.routing.rules[0].kinds", "REALTIME")
				.withProperty("pulsehub.sync.routing.rules[0].strategy", "SKIP")));
		assertThatIllegalArgumentException().isThrownBy(
				() -> RouteTable.bind(new MockEnvironment().withProperty("pulsehub.sync.routing.rules[0].id", "default")
					.withProperty("pulsehub.sync.routing.rules[0].strategy", "SKIP")));
	}

	@Test
	void keepsThePreviousRulesWhenAReloadIsInvalid() {
		MockEnvironment environment = new MockEnvironment().withProperty("pulsehub.sync.routing.rules[0].id", "views")
			.withProperty("pulsehub.sync.routing.rules[0].strategy", "WRITE_BEHIND");
		RouteTable table = new RouteTable(environment);
		environment.setProperty("pulsehub.sync.routing.rules[0].strategy", "FASTEST");
		table.onApplicationEvent(new EnvironmentChangeEvent(Set.of("pulsehub.sync.routing.rules[0].strategy")));
		assertThat(table.routes().rules()).extracting(RouteRule::strategy).containsExactly(StrategyName.WRITE_BEHIND);
		environment.setProperty("pulsehub.sync.routing.rules[0].strategy", "SKIP");
		table.onApplicationEvent(new EnvironmentChangeEvent(Set.of("pulsehub.sync.routing.rules[0].strategy")));
		assertThat(table.routes().rules()).extracting(RouteRule::strategy).containsExactly(StrategyName.SKIP);
	}

	private static String first(RouteTable.Routes routes, ProfileChanged change, Supplier<String> segment) {
		return routes.rules()
			.stream()
			.filter((rule) -> rule.matches(change, segment))
			.map(RouteRule::id)
			.findFirst()
			.orElse(RouteTable.DEFAULT_ROUTE);
	}

	private static ProfileChanged change(ChangeKind kind, EventType cause, String... fields) {
		return ProfileChanged.newBuilder()
			.setUserId("u-1")
			.setKind(kind)
			.setCauseEventType(cause)
			.addAllChangedFields(List.of(fields))
			.build();
	}

}
