package io.pulsehub.sync.routing;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.ProfileChanged;
import io.pulsehub.sync.strategy.StrategyName;

/**
 * A compiled routing rule.
 *
 * @param id the route id
 * @param kinds change kinds; empty for any
 * @param eventTypes cause event types; empty for any
 * @param fields changed-field globs; empty for any
 * @param patterns the globs compiled
 * @param fieldsMatch whether all or any changed field must match
 * @param segments user segments; empty for any
 * @param strategy the configured strategy
 */
record RouteRule(String id, Set<ChangeKind> kinds, Set<EventType> eventTypes, List<String> fields,
		List<Pattern> patterns, RoutingProperties.FieldsMatch fieldsMatch, Set<String> segments,
		StrategyName strategy) {

	static RouteRule of(RoutingProperties.Rule rule) {
		if (rule.id() == null || rule.id().isBlank() || rule.strategy() == null) {
			throw new IllegalArgumentException("Every routing rule needs an id and a strategy: " + rule);
		}
		return new RouteRule(rule.id(), Set.copyOf(rule.kinds()), Set.copyOf(rule.eventTypes()),
				List.copyOf(rule.fields()), rule.fields().stream().map(RouteRule::glob).toList(), rule.fieldsMatch(),
				Set.copyOf(rule.segments()), rule.strategy());
	}

	/**
	 * Whether the rule matches a change.
	 * @param change the change
	 * @param segment reads the user's segment, only when the rule needs it
	 * @return true when every criterion holds
	 */
	boolean matches(ProfileChanged change, Supplier<String> segment) {
		if (!this.kinds.isEmpty() && !this.kinds.contains(change.getKind())) {
			return false;
		}
		if (!this.eventTypes.isEmpty() && !this.eventTypes.contains(change.getCauseEventType())) {
			return false;
		}
		if (!this.fields.isEmpty() && !fieldsMatch(change.getChangedFieldsList())) {
			return false;
		}
		if (this.segments.isEmpty()) {
			return true;
		}
		String value = segment.get();
		return value != null && this.segments.contains(value);
	}

	private boolean fieldsMatch(List<String> changed) {
		if (changed.isEmpty()) {
			return false;
		}
		if (this.fieldsMatch == RoutingProperties.FieldsMatch.ANY) {
			return changed.stream().anyMatch(this::matchesField);
		}
		return changed.stream().allMatch(this::matchesField);
	}

	private boolean matchesField(String field) {
		return this.patterns.stream().anyMatch((pattern) -> pattern.matcher(field).matches());
	}

	private static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		for (String part : glob.split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(part));
		}
		return Pattern.compile(regex.toString());
	}

}
