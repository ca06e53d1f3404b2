package io.pulsehub.points.ledger;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.pulsehub.points.outbox.Outbox;
import io.pulsehub.points.risk.RiskControl;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write side's beans; every statement runs on the primary data source.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

	@Bean
	LedgerStore ledgerStore(JdbcTemplate jdbc) {
		return new LedgerStore(jdbc);
	}

	@Bean
	IdempotencyStore idempotencyStore(JdbcTemplate jdbc) {
		return new IdempotencyStore(jdbc);
	}

	@Bean
	CommandParser commandParser(LedgerProperties properties) {
		return new CommandParser(properties.maxAmount());
	}

	@Bean
	OptimisticRetry optimisticRetry(PlatformTransactionManager transactions, LedgerProperties properties,
			MeterRegistry registry) {
		return new OptimisticRetry(new TransactionTemplate(transactions), properties, registry);
	}

	@Bean
	PointsLedger pointsLedger(OptimisticRetry retry, LedgerStore store, IdempotencyStore keys, RiskControl risk,
			Outbox outbox) {
		return new PointsLedger(retry, store, keys, risk, outbox, Clock.systemUTC());
	}

	@Bean
	Reversals reversals(OptimisticRetry retry, LedgerStore store, PointsLedger ledger) {
		return new Reversals(retry, store, ledger, Clock.systemUTC());
	}

}
