package io.pulsehub.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pulsehub.contracts.profile.RealtimeTagsView;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.localstack.junit.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.pulsehub.e2e.MeshHttp.DEV_API_KEY;
import static io.pulsehub.e2e.MeshHttp.admin;
import static io.pulsehub.e2e.MeshHttp.apiKey;
import static io.pulsehub.e2e.MeshHttp.get;
import static io.pulsehub.e2e.MeshHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events posted through the gateway become real-time tags in Redis, exactly once, even
 * when the stream-processor is killed with SIGKILL in the middle of the stream.
 */
@ExtendWith(MeshExtension.class)
class RealtimeTagsEndToEndIntegrationTests {

	private static final int USERS = 4;

	private static final int EVENTS_PER_BATCH = 50;

	/**
	 * Batches posted while the stream-processor is down, and again after it is back.
	 */
	private static final int BATCHES_PER_PHASE = 10;

	/**
	 * Between two batches: the events keep coming, before, across and after the kill.
	 */
	private static final Duration BATCH_PAUSE = Duration.ofMillis(100);

	private static Mesh mesh;

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> redis;

	@BeforeAll
	static void useMesh(Mesh running) {
		mesh = running;
		client = RedisClient.create(LocalStack.redis().url());
		redis = client.connect();
	}

	@AfterAll
	static void close() {
		redis.close();
		client.shutdown();
	}

	@Test
	void countsEveryEventExactlyOnceAcrossAKillNineOfTheStreamProcessor() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			users.add("e2e-rt-" + run + "-" + i);
		}
		Map<String, Integer> views = new HashMap<>();
		Map<String, Integer> clicks = new HashMap<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger posted = new AtomicInteger();
		FutureTask<Void> posting = new FutureTask<>(() -> {
			for (int batch = 0; !stop.get(); batch++) {
				postBatch(users, batch, views, clicks);
				posted.incrementAndGet();
				pause(BATCH_PAUSE);
			}
		}, null);
		Thread.ofPlatform().name("e2e-event-poster").start(posting);
		await().atMost(Duration.ofSeconds(90)).until(() -> tags(users.get(0)).version() > 0);
		// mid-stream: events are arriving and being processed when the process dies
		mesh.killAndRestart("stream-processor", () -> awaitBatches(posted, posting));
		awaitBatches(posted, posting);
		stop.set(true);
		finish(posting);
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			for (String user : users) {
				RealtimeTagsView tags = tags(user);
				assertThat(tags.counts()).as(user)
					.containsEntry("page_view", (long) views.get(user))
					.containsEntry("click", (long) clicks.get(user));
				assertThat(tags.version()).as(user).isEqualTo(views.get(user) + clicks.get(user));
				assertThat(tags.windowed()).as(user)
					.containsEntry("views_5m", (long) views.get(user))
					.containsEntry("clicks_24h", (long) clicks.get(user));
			}
		});
		HttpResponse<String> status = get(mesh.app("gateway").uri("/admin/stream/status"), admin());
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(status.body(), "$.state")).isEqualTo("RUNNING");
	}

	@Test
	void servesTheTrendingItemsThroughTheGateway() throws Exception {
		String item = "e2e-item-" + UUID.randomUUID();
		String purchase = "{\"userId\":\"e2e-buyer\",\"type\":\"PURCHASE\",\"itemId\":\"%s\","
				+ "\"amountMinor\":100000,\"currency\":\"EUR\"}";
		for (int i = 0; i < 30; i++) {
			assertThat(post(mesh.app("gateway").uri("/api/v1/events"), purchase.formatted(item), apiKey(DEV_API_KEY))
				.statusCode()).isEqualTo(202);
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> trending = get(mesh.app("gateway").uri("/api/v1/trending?window=1h&limit=200"),
					apiKey(DEV_API_KEY));
			assertThat(trending.statusCode()).isEqualTo(200);
			assertThat((List<String>) JsonPath.read(trending.body(), "$.items[*].itemId")).contains(item);
			assertThat((String) JsonPath.read(trending.body(), "$.asOf")).isNotNull();
		});
	}

	private static void postBatch(List<String> users, int batch, Map<String, Integer> views,
			Map<String, Integer> clicks) {
		StringBuilder body = new StringBuilder("{\"events\":[");
		for (int i = 0; i < EVENTS_PER_BATCH; i++) {
			String user = users.get(i % users.size());
			boolean click = (i + batch) % 3 == 0;
			(click ? clicks : views).merge(user, 1, Integer::sum);
			body.append((i > 0) ? "," : "")
				.append("{\"eventId\":\"")
				.append(user)
				.append('-')
				.append(batch)
				.append('-')
				.append(i)
				.append("\",\"userId\":\"")
				.append(user)
				.append("\",\"type\":\"")
				.append(click ? "CLICK" : "PAGE_VIEW")
				.append("\",\"occurredAt\":\"")
				.append(Instant.now())
				.append("\"}");
		}
		body.append("]}");
		try {
			HttpResponse<String> response = post(mesh.app("gateway").uri("/api/v1/events/batch"), body.toString(),
					apiKey(DEV_API_KEY));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			assertThat((Integer) JsonPath.read(response.body(), "$.accepted")).isEqualTo(EVENTS_PER_BATCH);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until the poster has posted {@link #BATCHES_PER_PHASE} more batches.
	 */
	private static void awaitBatches(AtomicInteger posted, FutureTask<Void> posting) {
		int target = posted.get() + BATCHES_PER_PHASE;
		await().atMost(Duration.ofSeconds(60)).until(() -> posting.isDone() || posted.get() >= target);
		if (posting.isDone()) {
			finish(posting);
		}
	}

	private static void finish(FutureTask<Void> posting) {
		try {
			posting.get(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("posting the events failed", ex);
		}
	}

	private static RealtimeTagsView tags(String user) {
		return RealtimeTagsView.of(redis.sync().hgetall(RedisLayout.profileKey(user)), Instant.now());
	}

}
