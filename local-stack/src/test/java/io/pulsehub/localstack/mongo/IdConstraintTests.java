package io.pulsehub.localstack.mongo;

import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdConstraintTests {

	@Test
	void pinsAnIdEqualityAtTheTopLevelBesideOtherFields() {
		Document query = new Document("_id", "user-1").append("schemaVersion", 2);

		assertThat(IdConstraint.of(query)).isEqualTo(new Document("_id", "user-1"));
	}

	@Test
	void pinsAnIdEqualityOrInListInsideAnd() {
		Document equality = new Document("$and",
				List.of(new Document("schemaVersion", 2), new Document("_id", "user-1"),
						new Document("rt.version", new Document("$not", new Document("$gte", 7L)))));
		Document in = new Document("$in", List.of("user-1", "user-2"));

		assertThat(IdConstraint.of(equality)).isEqualTo(new Document("_id", "user-1"));
		assertThat(IdConstraint.of(new Document("$and", List.of(new Document("_id", in), new Document("v", 1)))))
			.isEqualTo(new Document("_id", in));
	}

	@Test
	void pinsNothingForRangesRegexesOrAlternatives() {
		assertThat(IdConstraint.of(new Document("v", 1))).isNull();
		assertThat(IdConstraint.of(new Document("_id", new Document("$gt", "user-1")))).isNull();
		assertThat(IdConstraint.of(new Document("_id", Pattern.compile("^user-")))).isNull();
		assertThat(IdConstraint.of(new Document("_id", new Document("$in", List.of("a", Pattern.compile("b"))))))
			.isNull();
		assertThat(IdConstraint.of(new Document("_id", new Document("a", 1)))).isNull();
		assertThat(IdConstraint.of(new Document("$or", List.of(new Document("_id", "a"), new Document("v", 1)))))
			.isNull();
	}

}
