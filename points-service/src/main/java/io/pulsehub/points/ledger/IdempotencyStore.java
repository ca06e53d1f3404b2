package io.pulsehub.points.ledger;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys and what their command came to. Claiming a key is an insert into a
 * primary key: of concurrent first uses, one inserts and the others wait for its
 * transaction, then find its outcome.
 */
class IdempotencyStore {

	private final JdbcTemplate jdbc;

	IdempotencyStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a key for this transaction.
	 * @return true if the key was new, false if another (committed) command holds it
	 */
	boolean claim(String key, String fingerprint, Timestamp at) {
		return this.jdbc.update("INSERT INTO points_idempotency (idempotency_key, fingerprint, created_at) "
				+ "VALUES (?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING", key, fingerprint, at) == 1;
	}

	Optional<Stored> find(String key) {
		return this.jdbc
			.query("SELECT fingerprint, outcome, transaction_id, rule_id, detail FROM points_idempotency "
					+ "WHERE idempotency_key = ?",
					(rows, i) -> new Stored(rows.getString(1), rows.getString(2), rows.getObject(3, UUID.class),
							rows.getString(4), rows.getString(5)),
					key)
			.stream()
			.findFirst();
	}

	void record(String key, CommandResult result) {
		switch (result) {
			case CommandResult.Applied applied -> update(key, "APPLIED", applied.event().transactionId(), null, null);
			case CommandResult.Insufficient insufficient ->
				update(key, "INSUFFICIENT", null, null, insufficient.detail());
			case CommandResult.RiskRejected rejected ->
				update(key, "RISK_REJECTED", null, rejected.ruleId(), rejected.detail());
		}
	}

	private void update(String key, String outcome, UUID transactionId, String ruleId, String detail) {
		this.jdbc.update("UPDATE points_idempotency SET outcome = ?, transaction_id = ?, rule_id = ?, detail = ? "
				+ "WHERE idempotency_key = ?", outcome, transactionId, ruleId, detail, key);
	}

	/**
	 * A key's row.
	 *
	 * @param fingerprint the first request's fingerprint
	 * @param outcome APPLIED, INSUFFICIENT or RISK_REJECTED
	 * @param transactionId for APPLIED the ledger transaction
	 * @param ruleId for RISK_REJECTED the rule
	 * @param detail the refusal's explanation
	 */
	record Stored(String fingerprint, String outcome, UUID transactionId, String ruleId, String detail) {

	}

}
