package io.pulsehub.points.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.points.datasource.ReplicaHealth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side's beans.
 */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

	@Bean
	PointsQueries pointsQueries(JdbcTemplate jdbc) {
		return new PointsQueries(jdbc);
	}

	@Bean
	PointsReader pointsReader(ReplicaHealth health, MeterRegistry registry) {
		return new PointsReader(health, registry);
	}

}
