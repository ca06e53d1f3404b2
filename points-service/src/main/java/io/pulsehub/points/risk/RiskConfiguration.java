package io.pulsehub.points.risk;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.points.outbox.Outbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Risk control's beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RiskProperties.class)
class RiskConfiguration {

	@Bean
	RiskAlerts riskAlerts(JdbcTemplate jdbc, Outbox outbox, MeterRegistry registry) {
		return new RiskAlerts(jdbc, outbox, registry);
	}

	@Bean
	RiskControl riskControl(RiskProperties properties, JdbcTemplate jdbc, RiskAlerts alerts) {
		Clock clock = Clock.systemUTC();
		return new RiskControl(new RiskRules(properties),
				new RiskHistoryStore(jdbc, clock, properties.spendSpike().lookback()), alerts, clock);
	}

}
