package io.pulsehub.points;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.baomidou.dynamic.datasource.creator.DataSourceProperty;
import com.baomidou.dynamic.datasource.spring.boot.autoconfigure.DynamicDataSourceProperties;
import io.pulsehub.points.risk.RiskAction;
import io.pulsehub.points.risk.RiskProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * config-repo/points-service.yml is what runs outside tests (the integration tests set
 * the same keys inline): it binds, with the pools and rules the docs describe.
 */
class ConfigRepoTests {

	private final Binder binder = binder();

	@Test
	void definesAPrimaryAndAReadOnlyReplicaPool() {
		DynamicDataSourceProperties dynamic = this.binder
			.bind("spring.datasource.dynamic", Bindable.of(DynamicDataSourceProperties.class))
			.get();
		assertThat(dynamic.getPrimary()).isEqualTo("primary");
		assertThat(dynamic.getStrict()).isTrue();
		DataSourceProperty primary = dynamic.getDatasource().get("primary");
		DataSourceProperty replica = dynamic.getDatasource().get("replica");
		assertThat(primary.getPoolName()).isEqualTo("points-primary");
		assertThat(primary.getUrl()).isEqualTo("jdbc:postgresql://localhost:15432/pulsehub_points");
		// The library binds maximum-pool-size into its maxPoolSize field (the getter of
		// the
		// same name reads another one).
		assertThat(primary.getHikari().getMaxPoolSize()).isEqualTo(8);
		assertThat(replica.getPoolName()).isEqualTo("points-replica");
		assertThat(replica.getUrl()).endsWith("/pulsehub_points?options=-c%20default_transaction_read_only=on");
		assertThat(replica.getHikari().getMaxPoolSize()).isEqualTo(6);
		assertThat(replica.getHikari().getConnectionTimeout()).isEqualTo(1000);
		assertThat(replica.getHikari().getInitializationFailTimeout()).isEqualTo(-1);
	}

	@Test
	void configuresEveryRiskRule() {
		RiskProperties risk = this.binder.bind("pulsehub.points.risk", Bindable.of(RiskProperties.class)).get();
		assertThat(risk.velocity().maxEarnsPerMinute()).isEqualTo(20);
		assertThat(risk.commandCap().maxAmount()).isEqualTo(100_000);
		assertThat(risk.dailyCap().maxEarnedPerDay()).isEqualTo(500_000);
		assertThat(risk.spendSpike().action()).isEqualTo(RiskAction.FLAG);
		assertThat(risk.denyList().users()).isEmpty();
	}

	private static Binder binder() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("points-service",
					new FileSystemResource(Path.of("..", "config-repo", "points-service.yml")));
			return new Binder(ConfigurationPropertySources.from(sources),
					new PropertySourcesPlaceholdersResolver(sources));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
