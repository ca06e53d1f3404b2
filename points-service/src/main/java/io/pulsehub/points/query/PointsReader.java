package io.pulsehub.points.query;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.points.datasource.ReplicaHealth;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Runs a read on the replica and, if the replica cannot be reached, marks it down and
 * runs the read again, which the routing now sends to the primary.
 */
class PointsReader {

	private final ReplicaHealth health;

	private final MeterRegistry registry;

	PointsReader(ReplicaHealth health, MeterRegistry registry) {
		this.health = health;
		this.registry = registry;
	}

	<T> T read(Supplier<T> query) {
		boolean onReplica = this.health.isUp();
		try {
			T result = query.get();
			count(onReplica ? "replica" : "primary");
			return result;
		}
		catch (DataAccessResourceFailureException | TransientDataAccessResourceException ex) {
			if (!onReplica) {
				throw ex;
			}
			this.health.markDown(ex);
			T result = query.get();
			count("fallback");
			return result;
		}
	}

	private void count(String route) {
		this.registry.counter("pulsehub.points.reads", "route", route).increment();
	}

}
