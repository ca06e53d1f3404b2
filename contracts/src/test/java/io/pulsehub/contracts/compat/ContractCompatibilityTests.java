package io.pulsehub.contracts.compat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.pulsehub.contracts.events.PointsEvent;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.contracts.events.RiskAlert;
import io.pulsehub.contracts.events.UserActivityEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails the build when a schema change would break old readers: the schemas as built now
 * against the checked-in baseline
 * {@code src/test/resources/schema-baseline/events-v1.pb}. After a compatible change that
 * should become the new baseline, record it with
 * {@code ./mvnw -pl contracts test -Dtest=ContractCompatibilityTests -Dpulsehub.schema.record=true}.
 */
class ContractCompatibilityTests {

	private static final String BASELINE = "schema-baseline/events-v1.pb";

	@Test
	void currentSchemasKeepEverythingOldReadersKnow() throws IOException {
		FileDescriptorSet current = current();
		if (Boolean.getBoolean("pulsehub.schema.record")) {
			Path file = Path.of("src/test/resources").resolve(BASELINE);
			Files.createDirectories(file.getParent());
			Files.write(file, current.toByteArray());
		}
		assertThat(SchemaCompatibility.violations(baseline(), current)).isEmpty();
	}

	@Test
	void reportsARemovedField() throws IOException {
		FileDescriptorSet changed = editUserActivityEvent((message) -> message.removeField(9));
		assertThat(SchemaCompatibility.violations(baseline(), changed))
			.containsExactly("pulsehub.events.v1.UserActivityEvent.ip = 10 was removed without reserving its number");
	}

	@Test
	void acceptsARemovedFieldWhoseNumberIsReserved() throws IOException {
		FileDescriptorSet changed = editUserActivityEvent((message) -> message.removeField(9)
			.addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(10).setEnd(11))
			.addReservedName("ip"));
		assertThat(SchemaCompatibility.violations(baseline(), changed)).isEmpty();
	}

	@Test
	void reportsARetypedOrRenumberedField() throws IOException {
		FileDescriptorSet retyped = editUserActivityEvent((message) -> message.setField(10,
				message.getField(10).toBuilder().setType(FieldDescriptorProto.Type.TYPE_INT32)));
		assertThat(SchemaCompatibility.violations(baseline(), retyped)).containsExactly(
				"pulsehub.events.v1.UserActivityEvent.amount_minor = 11 changed type from TYPE_INT64 to TYPE_INT32");
		FileDescriptorSet renumbered = editUserActivityEvent(
				(message) -> message.setField(1, message.getField(1).toBuilder().setNumber(99)));
		assertThat(SchemaCompatibility.violations(baseline(), renumbered))
			.contains("pulsehub.events.v1.UserActivityEvent.user_id = 2 was removed without reserving its number");
	}

	@Test
	void acceptsAnAddedField() throws IOException {
		FileDescriptorSet added = editUserActivityEvent((message) -> message.addField(FieldDescriptorProto.newBuilder()
			.setName("campaign_id")
			.setNumber(14)
			.setType(FieldDescriptorProto.Type.TYPE_STRING)
			.setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)));
		assertThat(SchemaCompatibility.violations(baseline(), added)).isEmpty();
	}

	private interface MessageEdit {

		DescriptorProto.Builder apply(DescriptorProto.Builder message);

	}

	private static FileDescriptorSet editUserActivityEvent(MessageEdit edit) {
		FileDescriptorSet.Builder set = current().toBuilder();
		for (FileDescriptorProto.Builder file : set.getFileBuilderList()) {
			for (DescriptorProto.Builder message : file.getMessageTypeBuilderList()) {
				if (message.getName().equals("UserActivityEvent")) {
					edit.apply(message);
				}
			}
		}
		return set.build();
	}

	private static FileDescriptorSet current() {
		FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
		for (FileDescriptor file : List.of(UserActivityEvent.getDescriptor().getFile(),
				ProfileChanged.getDescriptor().getFile(), PointsEvent.getDescriptor().getFile(),
				RiskAlert.getDescriptor().getFile())) {
			set.addFile(file.toProto());
		}
		return set.build();
	}

	private static FileDescriptorSet baseline() throws IOException {
		try (InputStream in = ContractCompatibilityTests.class.getClassLoader().getResourceAsStream(BASELINE)) {
			assertThat(in).as("baseline " + BASELINE).isNotNull();
			return FileDescriptorSet.parseFrom(in);
		}
	}

}
