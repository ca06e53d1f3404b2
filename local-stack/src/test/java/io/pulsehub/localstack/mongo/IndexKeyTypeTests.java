package io.pulsehub.localstack.mongo;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeyTypeTests {

	private final ObjectDataType plain = new ObjectDataType();

	private final IndexKeyType keys = new IndexKeyType();

	@Test
	void ordersKeysExactlyAsThePlainTypeDoes() {
		List<Object> samples = samples();
		// twice: the second round answers from remembered serialisations
		for (int round = 0; round < 2; round++) {
			for (Object a : samples) {
				for (Object b : samples) {
					assertThat(Integer.signum(this.keys.compare(a, b))).as("%s vs %s", a, b)
						.isEqualTo(Integer.signum(this.plain.compare(a, b)));
				}
			}
		}
	}

	@Test
	void findsEqualKeysThatAreDistinctObjectsEqual() {
		assertThat(this.keys.compare(new KeyValue("user-1"), new KeyValue("user-1"))).isZero();
		assertThat(this.keys.compare(new KeyValue("user-1"), new KeyValue("user-2"))).isNotZero();
	}

	private static List<Object> samples() {
		List<Object> samples = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			samples.add(new KeyValue("user-" + i));
		}
		samples.add(new KeyValue(""));
		samples.add(new KeyValue(7));
		samples.add(new KeyValue(7L));
		samples.add(new KeyValue(2.5));
		samples.add(new KeyValue("a", 1));
		samples.add(new KeyValue(new Document("k", "v")));
		// not index keys: compared as the plain type compares them
		samples.add("plain-string");
		samples.add(42L);
		return samples;
	}

}
