package io.pulsehub.points.ledger;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The account's transitions: each bumps the version by one and none leaves the balance
 * negative.
 */
class AccountTests {

	private final Account funded = Account.empty("u1").earned(100);

	@Test
	void earningCreditsBalanceAndLifetimeEarned() {
		assertThat(this.funded).isEqualTo(new Account("u1", 100, 100, 0, 1));
		assertThat(Account.empty("u1").isNew()).isTrue();
		assertThat(this.funded.isNew()).isFalse();
	}

	@Test
	void spendingDebitsBalanceAndCountsLifetimeSpent() {
		assertThat(this.funded.spent(100)).isEqualTo(new Account("u1", 0, 100, 100, 2));
	}

	@Test
	void refusesASpendBeyondTheBalance() {
		assertThatExceptionOfType(InsufficientPointsException.class).isThrownBy(() -> this.funded.spent(101))
			.satisfies((ex) -> {
				assertThat(ex.balance()).isEqualTo(100);
				assertThat(ex.requested()).isEqualTo(101);
			});
	}

	@Test
	void reversingAnEarnTakesThePointsBackOutOfLifetimeEarned() {
		assertThat(this.funded.reversed(event(EntryType.EARNED, 60))).isEqualTo(new Account("u1", 40, 40, 0, 2));
	}

	@Test
	void reversingASpendGivesThePointsBackOutOfLifetimeSpent() {
		Account spent = this.funded.spent(30);
		assertThat(spent.reversed(event(EntryType.SPENT, 30))).isEqualTo(new Account("u1", 100, 100, 0, 3));
	}

	@Test
	void refusesToReverseAnEarnWhosePointsAreSpent() {
		Account spent = this.funded.spent(90);
		assertThatExceptionOfType(InsufficientPointsException.class)
			.isThrownBy(() -> spent.reversed(event(EntryType.EARNED, 100)));
	}

	@Test
	void refusesToReverseAReversal() {
		assertThatExceptionOfType(PointsProblem.class)
			.isThrownBy(() -> this.funded.reversed(event(EntryType.REVERSED, -10)))
			.satisfies((problem) -> assertThat(problem.getStatusCode().value()).isEqualTo(409));
	}

	@Test
	void refusesToOverflow() {
		Account rich = new Account("u1", Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, 0, 1);
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> rich.earned(2));
	}

	private static LedgerEvent event(EntryType type, long amount) {
		return new LedgerEvent(UUID.randomUUID(), "u1", 1, type, amount, 0, "r", UUID.randomUUID(), null, null,
				Instant.now());
	}

}
