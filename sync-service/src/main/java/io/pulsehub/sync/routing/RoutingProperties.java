package io.pulsehub.sync.routing;

import java.util.List;

import io.pulsehub.contracts.events.ChangeKind;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.sync.strategy.StrategyName;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The routing rules ({@code pulsehub.sync.routing}); bound again on every config refresh.
 *
 * @param defaultStrategy the strategy of a change no rule matches (route id
 * {@code default})
 * @param rules ordered: the first rule that matches a change routes it
 */
public record RoutingProperties(@DefaultValue("WRITE_THROUGH") StrategyName defaultStrategy,
		@DefaultValue List<Rule> rules) {

	/**
	 * One rule; every criterion given must hold, an empty one holds for any change.
	 *
	 * @param id the route id (admin endpoints, audit)
	 * @param kinds change kinds it matches
	 * @param eventTypes cause event types it matches
	 * @param fields changed-field globs ({@code *} any characters, e.g.
	 * {@code rt.trending*})
	 * @param fieldsMatch {@code ALL}: every changed field matches a glob (a change that
	 * also touched other fields is not routed here); {@code ANY}: one does
	 * @param segments user segments ({@code off.segment_id} in Redis) it matches
	 * @param strategy the strategy it names
	 */
	public record Rule(String id, @DefaultValue List<ChangeKind> kinds, @DefaultValue List<EventType> eventTypes,
			@DefaultValue List<String> fields, @DefaultValue("ALL") FieldsMatch fieldsMatch,
			@DefaultValue List<String> segments, StrategyName strategy) {

	}

	/** How the changed fields must match a rule's globs. */
	public enum FieldsMatch {

		/** Every changed field matches one of the globs. */
		ALL,

		/** At least one changed field matches one of the globs. */
		ANY

	}

}
