package io.pulsehub.profile.attributes;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the attributes a user may have and a patch may carry, and how often changes
 * that were stored but not announced are announced.
 *
 * @param maxAttributes attributes per user after a patch
 * @param maxPerPatch members of one patch
 * @param maxValueSize size of one attribute's value as compact JSON
 * @param maxBody size of a patch body
 * @param outboxRelayInterval how often the outbox relay runs; it announces the changes
 * stored at least this long ago and still unannounced
 */
@Validated
@ConfigurationProperties("pulsehub.profile.attributes")
record AttributeProperties(@Positive @DefaultValue("100") int maxAttributes,
		@Positive @DefaultValue("50") int maxPerPatch, @DefaultValue("4KB") DataSize maxValueSize,
		@DefaultValue("64KB") DataSize maxBody, @DefaultValue("5s") Duration outboxRelayInterval) {

}
