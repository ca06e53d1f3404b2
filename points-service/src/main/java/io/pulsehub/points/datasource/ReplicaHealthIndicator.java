package io.pulsehub.points.datasource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code replica}: always UP (reads fall back to the
 * primary, so the instance stays in rotation), with where reads go now.
 */
class ReplicaHealthIndicator implements HealthIndicator {

	private final ReplicaHealth health;

	ReplicaHealthIndicator(ReplicaHealth health) {
		this.health = health;
	}

	@Override
	public Health health() {
		boolean up = this.health.isUp();
		return Health.up()
			.withDetail("replica", up ? "UP" : "DOWN")
			.withDetail("reads", up ? DataSourceKeys.REPLICA : DataSourceKeys.PRIMARY)
			.build();
	}

}
