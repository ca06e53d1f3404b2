package io.pulsehub.points.datasource;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.baomidou.dynamic.datasource.DynamicRoutingDataSource;
import com.baomidou.dynamic.datasource.processor.DsProcessor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Primary/replica routing on top of dynamic-datasource: the {@code #read} key, the
 * replica's health probe and the pools' metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
class DataSourceConfiguration {

	@Bean
	ReplicaHealth replicaHealth(DataSource dataSource) {
		return new ReplicaHealth((DynamicRoutingDataSource) dataSource);
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService replicaProbe(ReplicaHealth health, ReplicaProperties properties) {
		Duration interval = properties.probeInterval();
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("replica-probe").daemon().factory());
		executor.scheduleWithFixedDelay(health::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		return executor;
	}

	/**
	 * Replaces the library's processor chain: {@code #read} first, nothing else is used
	 * here.
	 */
	@Bean
	DsProcessor dsProcessor(ReplicaHealth health) {
		return new ReadRouting(health);
	}

	@Bean
	PoolMetricsBinder dynamicPoolMetrics(DataSource dataSource) {
		return new PoolMetricsBinder((DynamicRoutingDataSource) dataSource);
	}

	@Bean
	ReplicaHealthIndicator replicaHealthIndicator(ReplicaHealth health) {
		return new ReplicaHealthIndicator(health);
	}

}
