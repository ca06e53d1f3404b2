package io.pulsehub.points.ledger;

/**
 * What an earn or spend command came to; stored under its Idempotency-Key so a repeat
 * answers the same.
 */
sealed interface CommandResult {

	/**
	 * The command was applied.
	 *
	 * @param event the ledger event it appended
	 * @param replayed whether this answer repeats an earlier execution
	 */
	record Applied(LedgerEvent event, boolean replayed) implements CommandResult {
	}

	/**
	 * The balance did not cover a spend.
	 *
	 * @param detail the explanation returned to the caller
	 */
	record Insufficient(String detail) implements CommandResult {
	}

	/**
	 * A risk rule refused the command.
	 *
	 * @param ruleId the rule
	 * @param detail the explanation returned to the caller
	 */
	record RiskRejected(String ruleId, String detail) implements CommandResult {
	}

}
