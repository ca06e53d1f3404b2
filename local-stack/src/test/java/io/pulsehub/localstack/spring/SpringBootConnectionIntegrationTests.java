package io.pulsehub.localstack.spring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import io.pulsehub.contracts.Topics;
import io.pulsehub.localstack.junit.LocalStackTest;
import org.apache.kafka.clients.admin.Admin;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's own auto-configuration connects to the local-stack servers, as it will in
 * every service's integration tests.
 */
@SpringBootTest(classes = SpringBootConnectionIntegrationTests.Infrastructure.class)
@LocalStackTest(database = "pulsehub_points")
class SpringBootConnectionIntegrationTests {

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	DataSource dataSource;

	@Autowired
	MongoClient mongo;

	@Test
	void kafkaAdminSeesTheCatalogueTopics() throws Exception {
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			Set<String> topics = admin.listTopics().names().get();

			assertThat(topics).contains(Topics.PROFILE_CHANGES.name(), Topics.RISK_ALERTS.name());
		}
	}

	@Test
	void redisTemplateTalksToTheLocalRedis() {
		this.redis.opsForValue().set("spring:probe", "ok");

		assertThat(this.redis.opsForValue().get("spring:probe")).isEqualTo("ok");
	}

	@Test
	void dataSourceConnectsAsTheServiceRole() throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT current_user, current_database()")) {
			rows.next();

			assertThat(rows.getString(1)).isEqualTo("points");
			assertThat(rows.getString(2)).isEqualTo("pulsehub_points");
		}
	}

	@Test
	void mongoClientTalksToTheLocalServer() {
		this.mongo.getDatabase("pulsehub").getCollection("probe").insertOne(new Document("_id", "spring"));

		assertThat(this.mongo.getDatabase("pulsehub").getCollection("probe").countDocuments()).isEqualTo(1);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ KafkaAutoConfiguration.class, DataRedisAutoConfiguration.class,
			DataSourceAutoConfiguration.class, MongoAutoConfiguration.class })
	static class Infrastructure {

	}

}
