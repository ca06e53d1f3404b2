package io.pulsehub.points.datasource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.baomidou.dynamic.datasource.DynamicRoutingDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.mock;

/**
 * The replica's health follows the probe; a failed read marks it down until a probe
 * succeeds, and {@code #read} follows the health.
 */
class ReplicaHealthTests {

	private final DataSource replica = mock(DataSource.class);

	private final Connection connection = mock(Connection.class);

	private final ReplicaHealth health;

	private final ReadRouting routing;

	ReplicaHealthTests() {
		DynamicRoutingDataSource dynamic = mock(DynamicRoutingDataSource.class);
		given(dynamic.getDataSources()).willReturn(Map.of(DataSourceKeys.REPLICA, this.replica));
		this.health = new ReplicaHealth(dynamic);
		this.routing = new ReadRouting(this.health);
	}

	@Test
	void routesReadsToTheReplicaWhileItAnswers() throws SQLException {
		given(this.replica.getConnection()).willReturn(this.connection);
		given(this.connection.isValid(1)).willReturn(true);
		this.health.probe();
		assertThat(this.routing.matches(DataSourceKeys.READ)).isTrue();
		assertThat(this.routing.matches("#header")).isFalse();
		assertThat(this.routing.doDetermineDatasource(null, DataSourceKeys.READ)).isEqualTo(DataSourceKeys.REPLICA);
	}

	@Test
	void routesReadsToThePrimaryAfterAFailedReadUntilAProbeSucceeds() throws SQLException {
		this.health.markDown(new SQLException("Connection refused"));
		assertThat(this.routing.doDetermineDatasource(null, DataSourceKeys.READ)).isEqualTo(DataSourceKeys.PRIMARY);
		given(this.replica.getConnection()).willThrow(new SQLException("Connection refused"));
		this.health.probe();
		assertThat(this.health.isUp()).isFalse();
		willReturn(this.connection).given(this.replica).getConnection();
		given(this.connection.isValid(1)).willReturn(true);
		this.health.probe();
		assertThat(this.health.isUp()).isTrue();
		assertThat(this.routing.doDetermineDatasource(null, DataSourceKeys.READ)).isEqualTo(DataSourceKeys.REPLICA);
	}

	@Test
	void marksTheReplicaDownWhenAProbeFails() throws SQLException {
		given(this.replica.getConnection()).willReturn(this.connection);
		given(this.connection.isValid(1)).willReturn(false);
		this.health.probe();
		assertThat(this.health.isUp()).isFalse();
	}

}
