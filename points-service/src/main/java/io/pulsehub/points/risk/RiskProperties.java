package io.pulsehub.points.risk;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The real-time risk rules, each with its own action; a rule is off when disabled.
 *
 * @param velocity too many earns per user per minute
 * @param commandCap too many points in one command
 * @param dailyCap too many points earned per user in 24 hours
 * @param spendSpike a spend far above the user's usual spends
 * @param denyList users whose commands are refused
 */
@Validated
@ConfigurationProperties("pulsehub.points.risk")
public record RiskProperties(@DefaultValue Velocity velocity, @DefaultValue CommandCap commandCap,
		@DefaultValue DailyCap dailyCap, @DefaultValue SpendSpike spendSpike, @DefaultValue DenyList denyList) {

	/**
	 * Rule {@code velocity}.
	 *
	 * @param enabled whether it runs
	 * @param maxEarnsPerMinute earns allowed per user per minute
	 * @param action what happens above it
	 */
	public record Velocity(@DefaultValue("true") boolean enabled, @DefaultValue("20") long maxEarnsPerMinute,
			@DefaultValue("REJECT") RiskAction action) {
	}

	/**
	 * Rule {@code command-cap}.
	 *
	 * @param enabled whether it runs
	 * @param maxAmount points allowed in one earn or spend
	 * @param action what happens above it
	 */
	public record CommandCap(@DefaultValue("true") boolean enabled, @DefaultValue("100000") long maxAmount,
			@DefaultValue("REJECT") RiskAction action) {
	}

	/**
	 * Rule {@code daily-cap}.
	 *
	 * @param enabled whether it runs
	 * @param maxEarnedPerDay points a user may earn in 24 hours
	 * @param action what happens above it
	 */
	public record DailyCap(@DefaultValue("true") boolean enabled, @DefaultValue("500000") long maxEarnedPerDay,
			@DefaultValue("REJECT") RiskAction action) {
	}

	/**
	 * Rule {@code spend-spike}.
	 *
	 * @param enabled whether it runs
	 * @param factor a spend above factor x the average of recent spends fires
	 * @param minHistory spends needed before the rule judges
	 * @param lookback recent spends averaged
	 * @param action what happens when it fires
	 */
	public record SpendSpike(@DefaultValue("true") boolean enabled, @DefaultValue("10") double factor,
			@DefaultValue("3") int minHistory, @DefaultValue("20") int lookback,
			@DefaultValue("FLAG") RiskAction action) {
	}

	/**
	 * Rule {@code deny-list}.
	 *
	 * @param users denied user ids
	 * @param action what happens to their commands
	 */
	public record DenyList(@DefaultValue Set<String> users, @DefaultValue("REJECT") RiskAction action) {
	}

}
