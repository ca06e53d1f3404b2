package io.pulsehub.ingestion.collect;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTests {

	@Test
	void documentsExactlyTheFieldsTheParserReads() {
		assertThat(Arrays.stream(EventJson.class.getRecordComponents()).map(RecordComponent::getName))
			.containsExactlyInAnyOrderElementsOf(EventParser.FIELDS);
	}

}
