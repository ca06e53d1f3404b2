package io.pulsehub.points.ledger;

/**
 * The snapshot of one user's ledger: what the events up to {@code version} add up to. The
 * transitions are pure; they refuse any that would drive the balance negative.
 *
 * @param userId the user
 * @param balance points available now
 * @param lifetimeEarned points ever earned (reversed earns subtracted)
 * @param lifetimeSpent points ever spent (reversed spends subtracted)
 * @param version the sequence of the user's last ledger event, 0 before the first
 */
record Account(String userId, long balance, long lifetimeEarned, long lifetimeSpent, long version) {

	static Account empty(String userId) {
		return new Account(userId, 0, 0, 0, 0);
	}

	boolean isNew() {
		return this.version == 0;
	}

	Account earned(long amount) {
		return new Account(this.userId, Math.addExact(this.balance, amount), Math.addExact(this.lifetimeEarned, amount),
				this.lifetimeSpent, this.version + 1);
	}

	Account spent(long amount) {
		requireCovered(amount);
		return new Account(this.userId, this.balance - amount, this.lifetimeEarned,
				Math.addExact(this.lifetimeSpent, amount), this.version + 1);
	}

	/**
	 * The account after compensating an earlier transaction.
	 * @param original the EARNED or SPENT event to compensate
	 * @return the new snapshot
	 */
	Account reversed(LedgerEvent original) {
		return switch (original.type()) {
			case EARNED -> {
				requireCovered(original.amount());
				yield new Account(this.userId, this.balance - original.amount(),
						this.lifetimeEarned - original.amount(), this.lifetimeSpent, this.version + 1);
			}
			case SPENT -> new Account(this.userId, Math.addExact(this.balance, original.amount()), this.lifetimeEarned,
					this.lifetimeSpent - original.amount(), this.version + 1);
			case REVERSED -> throw PointsProblem.notReversible(original.transactionId());
		};
	}

	private void requireCovered(long amount) {
		if (amount > this.balance) {
			throw new InsufficientPointsException(this.balance, amount);
		}
	}

}
