package io.pulsehub.points.datasource;

import javax.sql.DataSource;

import com.baomidou.dynamic.datasource.DynamicRoutingDataSource;
import com.baomidou.dynamic.datasource.ds.ItemDataSource;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds every Hikari pool of the routing data source to Micrometer
 * ({@code hikaricp.connections.*{pool=...}}): Boot's own binder only sees
 * {@code DataSource} beans, and the pools inside dynamic-datasource are not beans.
 */
class PoolMetricsBinder implements MeterBinder {

	private final DynamicRoutingDataSource routing;

	PoolMetricsBinder(DynamicRoutingDataSource routing) {
		this.routing = routing;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (DataSource source : this.routing.getDataSources().values()) {
			DataSource real = (source instanceof ItemDataSource item) ? item.getRealDataSource() : source;
			if (real instanceof HikariDataSource hikari && hikari.getMetricRegistry() == null
					&& hikari.getMetricsTrackerFactory() == null) {
				hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
			}
		}
	}

}
