package io.pulsehub.ingestion.collect;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import io.pulsehub.contracts.events.EventType;
import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The collection API on a real Kafka broker (and the PostgreSQL the service migrates),
 * configured by the real {@code config-repo} files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.config.import=file:../config-repo/application.yml,file:../config-repo/ingestion-service.yml",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"pulsehub.security.internal.secret=" + CollectApi.SECRET,
				// one cold-archiver per test JVM: the archive's tests own it (archiving
				// of API
				// events is checked end to end in e2e-tests)
				"pulsehub.ingestion.archive.enabled=false" })
@LocalStackTest(services = { Service.KAFKA, Service.POSTGRES }, database = "pulsehub_ingestion")
class EventCollectionIntegrationTests {

	private static ActivityTopic topic;

	@LocalServerPort
	private int port;

	private CollectApi api;

	@BeforeAll
	static void readTopic() {
		topic = new ActivityTopic();
	}

	@AfterAll
	static void closeTopic() {
		topic.close();
	}

	@BeforeEach
	void markTopic() {
		this.api = new CollectApi(this.port);
		topic.mark();
	}

	@Test
	void answersAcceptedOnlyOnceKafkaHasTheEvent() throws Exception {
		String eventId = UUID.randomUUID().toString();
		HttpResponse<String> response = this.api.post("/api/v1/events", """
				{"eventId":"%s","userId":"user-1","type":"PURCHASE","occurredAt":"%s","sessionId":"s-1",
				 "itemId":"sku-9","pageUrl":"https://shop.example/sku-9","userAgent":"Mozilla/5.0",
				 "ip":"203.0.113.77","amountMinor":1999,"currency":"EUR","properties":{"coupon":"WINTER","qty":2}}
				""".formatted(eventId, Instant.now().minusSeconds(30)));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat((Integer) JsonPath.read(response.body(), "$.accepted")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(response.body(), "$.eventIds")).containsExactly(eventId);
		List<ConsumerRecord<String, UserActivityEvent>> records = topic.sinceMark();
		assertThat(records).hasSize(1);
		assertThat(records.get(0).key()).isEqualTo("user-1");
		UserActivityEvent event = records.get(0).value();
		assertThat(event.getEventId()).isEqualTo(eventId);
		assertThat(event.getType()).isEqualTo(EventType.PURCHASE);
		assertThat(event.getIp()).isEqualTo("203.0.113.0");
		assertThat(event.getAmountMinor()).isEqualTo(1999);
		assertThat(event.getCurrency()).isEqualTo("EUR");
		assertThat(event.getPropertiesMap()).containsEntry("coupon", "WINTER").containsEntry("qty", "2");
		assertThat(event.getReceivedAt().getSeconds()).isPositive();
	}

	@Test
	void generatesAnEventIdAndTakesTheCallersTruncatedAddressWhenTheEventHasNone() throws Exception {
		HttpResponse<String> response = this.api.post("/api/v1/events",
				"{\"userId\":\"user-2\",\"type\":\"PAGE_VIEW\"}");
		assertThat(response.statusCode()).isEqualTo(202);
		String eventId = JsonPath.read(response.body(), "$.eventIds[0]");
		UserActivityEvent event = topic.sinceMark().get(0).value();
		assertThat(event.getEventId()).isEqualTo(eventId);
		assertThat(event.getIp()).isEqualTo("127.0.0.0");
	}

	@Test
	void acceptsTheGoodEventsOfABatchAndListsEachBadOne() throws Exception {
		String batch = """
				{"events":[
				  {"userId":"user-3","type":"CLICK","itemId":"a"},
				  {"userId":"","type":"TELEPORT","occurredAt":"yesterday"},
				  {"userId":"user-3","type":"CLICK","itemId":"b"}
				]}""";
		HttpResponse<String> response = this.api.post("/api/v1/events/batch", batch);
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat((Integer) JsonPath.read(response.body(), "$.accepted")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(response.body(), "$.rejected[0].index")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(response.body(), "$.rejected[0].errors[*].field"))
			.containsExactlyInAnyOrder("userId", "type", "occurredAt");
		assertThat(topic.sinceMark()).extracting((record) -> record.value().getItemId()).containsExactly("a", "b");
	}

	@Test
	void refusesAnInvalidEventListingEveryBadFieldAndProducesNothing() throws Exception {
		HttpResponse<String> response = this.api.post("/api/v1/events", """
				{"userId":"bad user!","type":"PURCHASE","occurredAt":"%s","amountMinor":-5,"currency":"EURO",
				 "ip":"not-an-ip","colour":"red","properties":{"nested":{"a":1}}}
				""".formatted(Instant.now().plus(Duration.ofHours(1))));
		assertProblem(response, 400);
		assertThat((List<String>) JsonPath.read(response.body(), "$.errors[*].field")).containsExactlyInAnyOrder(
				"colour", "userId", "occurredAt", "ip", "amountMinor", "currency", "properties.nested");
		assertThat(topic.appendedSinceMark()).isZero();
	}

	@Test
	void refusesMalformedOversizedAndMistypedBodiesAndProducesNothing() throws Exception {
		assertProblem(this.api.post("/api/v1/events", "{\"userId\":\"u\",\"type\":"), 400);
		assertProblem(this.api.post("/api/v1/events", "{\"userId\":\"u\",\"userId\":\"v\",\"type\":\"CLICK\"}"), 400);
		assertProblem(this.api.post("/api/v1/events", "{\"userId\":\"u\",\"type\":\"CLICK\"} {}"), 400);
		assertProblem(this.api.post("/api/v1/events", ""), 400);
		assertProblem(this.api.post("/api/v1/events", "text/plain",
				HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\",\"type\":\"CLICK\"}")), 415);
		String huge = "{\"userId\":\"u\",\"type\":\"CLICK\",\"pageUrl\":\"" + "x".repeat(1_100_000) + "\"}";
		assertProblem(this.api.post("/api/v1/events", huge), 413);
		assertProblem(this.api.post("/api/v1/events/batch", "{\"events\":[]}"), 400);
		String event = "{\"userId\":\"u\",\"type\":\"CLICK\"}";
		String tooMany = IntStream.range(0, 501).mapToObj((i) -> event).collect(Collectors.joining(","));
		assertProblem(this.api.post("/api/v1/events/batch", "{\"events\":[" + tooMany + "]}"), 400);
		HttpResponse<String> allBad = this.api.post("/api/v1/events/batch", "{\"events\":[{\"type\":\"CLICK\"}]}");
		assertProblem(allBad, 400);
		assertThat((List<String>) JsonPath.read(allBad.body(), "$.rejected[0].errors[*].field"))
			.containsExactly("userId");
		assertThat(topic.appendedSinceMark()).isZero();
	}

	@Test
	void answersServiceUnavailableWhileKafkaIsDownAndNeverAccepted() throws Exception {
		String event = "{\"userId\":\"user-4\",\"type\":\"CLICK\"}";
		LocalStack.kafka().stop();
		try {
			for (int i = 0; i < 6; i++) {
				HttpResponse<String> response = this.api.post("/api/v1/events", event);
				assertProblem(response, 503);
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			}
		}
		finally {
			LocalStack.kafka().start();
		}
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(this.api.post("/api/v1/events", event).statusCode()).isEqualTo(202));
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
	}

}
