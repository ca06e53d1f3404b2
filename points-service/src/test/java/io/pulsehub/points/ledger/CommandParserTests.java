package io.pulsehub.points.ledger;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Request validation lists every bad part at once and accepts only whole positive amounts
 * up to the limit.
 */
class CommandParserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CommandParser parser = new CommandParser(1000);

	@Test
	void parsesAValidCommand() {
		PointsCommand command = this.parser.command("user-1", EntryType.EARNED, "key-1",
				json("{\"amount\": 1000, \"reason\": \"order\"}"));
		assertThat(command).isEqualTo(new PointsCommand("user-1", EntryType.EARNED, 1000, "order", "key-1"));
	}

	@Test
	void listsEveryBadPartOfARequest() {
		assertThatExceptionOfType(PointsProblem.class)
			.isThrownBy(() -> this.parser.command("bad user", EntryType.SPENT, null, json("{\"amount\": 1.5}")))
			.satisfies((problem) -> {
				assertThat(problem.getStatusCode().value()).isEqualTo(400);
				assertThat(fields(problem)).containsExactly("userId", "Idempotency-Key", "amount", "reason");
			});
	}

	@Test
	void refusesAmountsThatAreNotWholePositiveNumbersWithinTheLimit() {
		for (String amount : List.of("0", "-1", "1001", "2.0", "\"5\"", "true", "null", "1e3",
				"123456789012345678901234567890")) {
			assertThatExceptionOfType(PointsProblem.class).as(amount)
				.isThrownBy(() -> this.parser.command("u", EntryType.EARNED, "k",
						json("{\"amount\": " + amount + ", \"reason\": \"r\"}")))
				.satisfies((problem) -> assertThat(fields(problem)).containsExactly("amount"));
		}
	}

	@Test
	void refusesOverlongReasons() {
		String reason = "x".repeat(CommandParser.MAX_REASON + 1);
		assertThatExceptionOfType(PointsProblem.class).isThrownBy(() -> this.parser.command("u", EntryType.EARNED, "k",
				json("{\"amount\": 1, \"reason\": \"" + reason + "\"}")));
	}

	@Test
	void fingerprintsTheOperationUserAmountAndReason() {
		PointsCommand command = new PointsCommand("u", EntryType.EARNED, 5, "r", "k");
		assertThat(command.fingerprint())
			.isEqualTo(new PointsCommand("u", EntryType.EARNED, 5, "r", "k2").fingerprint())
			.isNotEqualTo(new PointsCommand("u", EntryType.SPENT, 5, "r", "k").fingerprint())
			.isNotEqualTo(new PointsCommand("u", EntryType.EARNED, 6, "r", "k").fingerprint())
			.isNotEqualTo(new PointsCommand("u", EntryType.EARNED, 5, "r2", "k").fingerprint())
			.isNotEqualTo(new PointsCommand("v", EntryType.EARNED, 5, "r", "k").fingerprint());
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(PointsProblem problem) {
		return ((List<PointsProblem.FieldError>) problem.getBody().getProperties().get("errors")).stream()
			.map(PointsProblem.FieldError::field)
			.toList();
	}

	private static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
