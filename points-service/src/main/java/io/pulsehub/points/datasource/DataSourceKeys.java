package io.pulsehub.points.datasource;

/**
 * The names of the two pools and the routing key read paths put in {@code @DS}.
 */
public final class DataSourceKeys {

	/** The primary: every write, and reads while the replica is unhealthy. */
	public static final String PRIMARY = "primary";

	/** The read replica. */
	public static final String REPLICA = "replica";

	/**
	 * {@code @DS(DataSourceKeys.READ)}: the replica while it is healthy, else the
	 * primary.
	 */
	public static final String READ = "#read";

	private DataSourceKeys() {
	}

}
