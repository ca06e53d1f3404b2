package io.pulsehub.localstack.mongo;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentValueTypeTests {

	private final DocumentValueType documents = new DocumentValueType();

	@Test
	void writesDocumentsAsBsonAndReadsThemBackEqual() {
		Document profile = profile();
		ByteBuffer written = write(this.documents, profile, "after");

		assertThat(written.get(0)).isEqualTo(DocumentValueType.BSON);
		assertThat(this.documents.read(written)).isEqualTo(profile);
		assertThat(this.documents.read(written)).isEqualTo("after");
		assertThat(written.hasRemaining()).isFalse();
	}

	@Test
	void readsWhatThePlainTypeWroteSoExistingFilesOpen() {
		Document profile = profile();
		ByteBuffer written = write(new ObjectDataType(), profile, 42L);

		assertThat(written.get(0)).isNotEqualTo(DocumentValueType.BSON);
		assertThat(this.documents.read(written)).isEqualTo(profile);
		assertThat(this.documents.read(written)).isEqualTo(42L);
	}

	@Test
	void keepsADocumentBsonCannotCarryAsThePlainTypeDoes() {
		Document odd = new Document("_id", "user-1").append("big", BigInteger.TEN.pow(30));
		ByteBuffer written = write(this.documents, odd);

		assertThat(written.get(0)).isNotEqualTo(DocumentValueType.BSON);
		assertThat(this.documents.read(written)).isEqualTo(odd);
	}

	@Test
	void writesAsBsonInAFractionOfTheSpaceOfJavaSerialisation() {
		int bson = write(this.documents, profile()).remaining();
		int serialised = write(new ObjectDataType(), profile()).remaining();

		assertThat(bson).isLessThan(serialised / 2);
	}

	private static ByteBuffer write(ObjectDataType type, Object... values) {
		WriteBuffer buffer = new WriteBuffer();
		for (Object value : values) {
			type.write(buffer, value);
		}
		return buffer.getBuffer().flip();
	}

	private static Document profile() {
		Document realtime = new Document("version", 42L).append("count_page_view", 17)
			.append("ctr_24h", 0.125)
			.append("last_seen", Instant.parse("2026-11-24T06:00:00Z"));
		return new Document("_id", "user-1").append("schemaVersion", 2)
			.append("oid", new ObjectId())
			.append("realtime", realtime)
			.append("segments", List.of("vip", "new"))
			.append("active", true)
			.append("nothing", null)
			.append("device", UUID.fromString("123e4567-e89b-42d3-a456-426614174000").toString());
	}

}
