package io.pulsehub.contracts.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;

/**
 * What the Schema Registry would check, done at build time: a new version of the schemas
 * may add, but an old reader must still understand everything it knew. Every message,
 * field (by number: same name, type, type name and cardinality), enum and enum value of
 * the baseline must still be there, unless the new version reserves the number.
 */
final class SchemaCompatibility {

	private SchemaCompatibility() {
	}

	/**
	 * Lists every change that would break a reader of {@code baseline}.
	 * @param baseline the schemas as last released
	 * @param current the schemas as built now
	 * @return human-readable violations, empty when compatible
	 */
	static List<String> violations(FileDescriptorSet baseline, FileDescriptorSet current) {
		Map<String, DescriptorProto> messages = messages(current);
		Map<String, EnumDescriptorProto> enums = enums(current);
		List<String> violations = new ArrayList<>();
		messages(baseline).forEach((name, old) -> {
			DescriptorProto now = messages.get(name);
			if (now == null) {
				violations.add("message " + name + " was removed");
				return;
			}
			compareFields(name, old, now, violations);
		});
		enums(baseline).forEach((name, old) -> {
			EnumDescriptorProto now = enums.get(name);
			if (now == null) {
				violations.add("enum " + name + " was removed");
				return;
			}
			Map<Integer, EnumValueDescriptorProto> values = now.getValueList()
				.stream()
				.collect(Collectors.toMap(EnumValueDescriptorProto::getNumber, Function.identity(), (a, b) -> a));
			for (EnumValueDescriptorProto value : old.getValueList()) {
				EnumValueDescriptorProto same = values.get(value.getNumber());
				boolean reserved = now.getReservedRangeList()
					.stream()
					.anyMatch((range) -> value.getNumber() >= range.getStart() && value.getNumber() <= range.getEnd());
				if (same == null && !reserved) {
					violations.add("enum " + name + " value " + value.getName() + " = " + value.getNumber()
							+ " was removed without reserving its number");
				}
				else if (same != null && !same.getName().equals(value.getName())) {
					violations.add("enum " + name + " value " + value.getNumber() + " was renamed from "
							+ value.getName() + " to " + same.getName());
				}
			}
		});
		return violations;
	}

	private static void compareFields(String message, DescriptorProto old, DescriptorProto now,
			List<String> violations) {
		Map<Integer, FieldDescriptorProto> fields = now.getFieldList()
			.stream()
			.collect(Collectors.toMap(FieldDescriptorProto::getNumber, Function.identity()));
		for (FieldDescriptorProto field : old.getFieldList()) {
			String where = message + "." + field.getName() + " = " + field.getNumber();
			FieldDescriptorProto same = fields.get(field.getNumber());
			if (same == null) {
				boolean reserved = now.getReservedRangeList()
					.stream()
					.anyMatch((range) -> field.getNumber() >= range.getStart() && field.getNumber() < range.getEnd());
				if (!reserved) {
					violations.add(where + " was removed without reserving its number");
				}
				continue;
			}
			if (!same.getName().equals(field.getName())) {
				violations.add(where + " was renamed to " + same.getName() + " (breaks JSON readers)");
			}
			if (same.getType() != field.getType() || !same.getTypeName().equals(field.getTypeName())) {
				violations.add(where + " changed type from " + typeOf(field) + " to " + typeOf(same));
			}
			if (same.getLabel() != field.getLabel()) {
				violations.add(where + " changed cardinality from " + field.getLabel() + " to " + same.getLabel());
			}
		}
	}

	private static String typeOf(FieldDescriptorProto field) {
		return field.getTypeName().isEmpty() ? field.getType().name() : field.getTypeName();
	}

	private static Map<String, DescriptorProto> messages(FileDescriptorSet set) {
		Map<String, DescriptorProto> messages = new java.util.LinkedHashMap<>();
		for (FileDescriptorProto file : set.getFileList()) {
			file.getMessageTypeList().forEach((message) -> collect(file.getPackage(), message, messages));
		}
		return messages;
	}

	private static void collect(String scope, DescriptorProto message, Map<String, DescriptorProto> messages) {
		String name = scope + "." + message.getName();
		messages.put(name, message);
		message.getNestedTypeList().forEach((nested) -> collect(name, nested, messages));
	}

	private static Map<String, EnumDescriptorProto> enums(FileDescriptorSet set) {
		Map<String, EnumDescriptorProto> enums = new java.util.LinkedHashMap<>();
		for (FileDescriptorProto file : set.getFileList()) {
			file.getEnumTypeList().forEach((type) -> enums.put(file.getPackage() + "." + type.getName(), type));
		}
		return enums;
	}

}
