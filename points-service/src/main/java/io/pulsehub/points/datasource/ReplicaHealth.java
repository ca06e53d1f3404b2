package io.pulsehub.points.datasource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.baomidou.dynamic.datasource.DynamicRoutingDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the replica answers: probed on a schedule and marked down at once when a read
 * on it fails to connect, so reads move to the primary until a probe succeeds again.
 */
public class ReplicaHealth {

	private static final Logger logger = LoggerFactory.getLogger(ReplicaHealth.class);

	private static final int VALID_WITHIN_SECONDS = 1;

	private final DynamicRoutingDataSource routing;

	private final AtomicBoolean up = new AtomicBoolean(true);

	ReplicaHealth(DynamicRoutingDataSource routing) {
		this.routing = routing;
	}

	/**
	 * Whether reads should go to the replica.
	 * @return true while the last probe or read succeeded
	 */
	public boolean isUp() {
		return this.up.get();
	}

	/**
	 * Records a failed read on the replica: reads go to the primary until the next
	 * successful probe.
	 * @param cause what failed
	 */
	public void markDown(Exception cause) {
		if (this.up.compareAndSet(true, false)) {
			logger.warn("Replica unavailable, reads fall back to the primary: {}", cause.getMessage());
		}
	}

	void probe() {
		DataSource replica = this.routing.getDataSources().get(DataSourceKeys.REPLICA);
		boolean valid = false;
		if (replica != null) {
			try (Connection connection = replica.getConnection()) {
				valid = connection.isValid(VALID_WITHIN_SECONDS);
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("Replica probe failed: {}", ex.getMessage());
			}
		}
		if (valid && this.up.compareAndSet(false, true)) {
			logger.info("Replica is back, reads return to it");
		}
		else if (!valid && this.up.compareAndSet(true, false)) {
			logger.warn("Replica probe failed, reads fall back to the primary");
		}
	}

}
