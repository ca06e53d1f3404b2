package io.pulsehub.points.datasource;

import com.baomidou.dynamic.datasource.processor.DsProcessor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Resolves {@code @DS("#read")} to the replica while it is healthy and to the primary
 * otherwise; any other {@code #...} key goes down the library's chain.
 */
class ReadRouting extends DsProcessor {

	private final ReplicaHealth health;

	ReadRouting(ReplicaHealth health) {
		this.health = health;
	}

	@Override
	public boolean matches(String key) {
		return DataSourceKeys.READ.equals(key);
	}

	@Override
	public String doDetermineDatasource(MethodInvocation invocation, String key) {
		return this.health.isUp() ? DataSourceKeys.REPLICA : DataSourceKeys.PRIMARY;
	}

}
