package io.pulsehub.points.datasource;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The replica's health probe.
 *
 * @param probeInterval how often the replica is probed; a failed read marks it down at
 * once, a successful probe brings reads back
 */
@ConfigurationProperties("pulsehub.points.replica")
record ReplicaProperties(@DefaultValue("2s") Duration probeInterval) {

}
