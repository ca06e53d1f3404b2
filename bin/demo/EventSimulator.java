import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event simulator of the seeds: a realistic stream of page views, clicks, impressions,
 * add-to-carts and purchases from a few dozen users on several devices, sent through the
 * gateway in batches, then a few users' fused profiles. Run by {@code ./pulsehub demo};
 * prints honestly what the running mesh answers. Exits with status 1 when an event was
 * refused or no fused profile with real-time tags appeared within 30 s, so scripts (and
 * the launcher check in CI) can rely on it.
 *
 * Usage: java EventSimulator.java GATEWAY_URL API_KEY [EVENTS] [USERS]
 */
public final class EventSimulator {

	private static final Duration PROFILE_WAIT = Duration.ofSeconds(30);

	private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

	private static final String[] AGENTS = {
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15" };

	// funnel weights: most users browse, fewer click, few buy
	private static final String[] TYPES = { "PAGE_VIEW", "PAGE_VIEW", "PAGE_VIEW", "PAGE_VIEW", "IMPRESSION",
			"IMPRESSION", "IMPRESSION", "CLICK", "CLICK", "SEARCH", "ADD_TO_CART", "PURCHASE" };

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final Random random = new Random(42);

	private final String gateway;

	private final String apiKey;

	private EventSimulator(String gateway, String apiKey) {
		this.gateway = gateway;
		this.apiKey = apiKey;
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			throw new IllegalArgumentException("usage: EventSimulator GATEWAY_URL API_KEY [EVENTS] [USERS]");
		}
		int events = (args.length > 2) ? Integer.parseInt(args[2]) : 2000;
		int users = (args.length > 3) ? Integer.parseInt(args[3]) : 50;
		boolean worked = new EventSimulator(args[0], args[1]).run(events, users);
		System.exit(worked ? 0 : 1);
	}

	private boolean run(int events, int users) throws Exception {
		HttpResponse<String> ping = get("/api/v1/profiles/_ping");
		System.out.println("Routing through the gateway:");
		System.out.println("  GET /api/v1/profiles/_ping -> " + ping.statusCode() + " " + abbreviate(ping.body()));
		List<String> batch = new ArrayList<>();
		int accepted = 0;
		String lastProblem = null;
		long start = System.nanoTime();
		for (int i = 0; i < events; i++) {
			batch.add(event("user-" + this.random.nextInt(users)));
			if (batch.size() == 100 || i == events - 1) {
				HttpResponse<String> response = postWithRetries("/api/v1/events/batch",
						"{\"events\":[" + String.join(",", batch) + "]}");
				Matcher count = ACCEPTED.matcher(response.body());
				if (response.statusCode() == 202 && count.find()) {
					accepted += Integer.parseInt(count.group(1));
				}
				if (response.statusCode() != 202 || response.body().contains("\"index\"")) {
					lastProblem = response.statusCode() + " " + response.body();
				}
				batch.clear();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%nSent %d events for %d users in %.1f s: %d accepted.%n", events, users, seconds, accepted);
		if (lastProblem != null) {
			System.out.println("  Last refusal: " + abbreviate(lastProblem));
		}
		// the first user's tags show that the stream-processor has caught up with the events
		String firstUser = "user-" + new Random(42).nextInt(users);
		boolean tagged = awaitRealtimeTags(firstUser);
		// the stream-processor refreshes the trending board every 5 s
		Thread.sleep(6000);
		HttpResponse<String> trending = get("/api/v1/trending?window=1h&limit=5");
		System.out.printf("%nTrending items (last hour): %d%n  %s%n", trending.statusCode(), abbreviate(trending.body()));
		for (String user : List.of(firstUser, "user-2", "user-3")) {
			HttpResponse<String> profile = get("/api/v1/profiles/" + user);
			System.out.printf("%nProfile of %s: %d%n  %s%n", user, profile.statusCode(), abbreviate(profile.body()));
		}
		if (accepted < events) {
			System.out.printf("%nThe demo did not work: %d of %d events were refused.%n", events - accepted, events);
		}
		if (!tagged) {
			System.out.printf("%nThe demo did not work: no real-time tags for %s within %d s.%n", firstUser,
					PROFILE_WAIT.toSeconds());
		}
		return accepted == events && tagged;
	}

	private boolean awaitRealtimeTags(String userId) throws Exception {
		long deadline = System.nanoTime() + PROFILE_WAIT.toNanos();
		while (true) {
			HttpResponse<String> profile = get("/api/v1/profiles/" + userId);
			if (profile.statusCode() == 200 && profile.body().contains("\"realtime\":{")) {
				return true;
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(500);
		}
	}

	private String event(String userId) {
		String type = TYPES[this.random.nextInt(TYPES.length)];
		String item = "item-" + this.random.nextInt(200);
		StringBuilder json = new StringBuilder("{");
		json.append("\"eventId\":\"").append(UUID.randomUUID()).append('"');
		json.append(",\"userId\":\"").append(userId).append('"');
		json.append(",\"type\":\"").append(type).append('"');
		json.append(",\"occurredAt\":\"").append(Instant.now().minusMillis(this.random.nextInt(60_000))).append('"');
		json.append(",\"sessionId\":\"s-").append(userId).append('"');
		json.append(",\"itemId\":\"").append(item).append('"');
		json.append(",\"pageUrl\":\"https://shop.example/").append(item).append('"');
		json.append(",\"userAgent\":\"").append(AGENTS[Math.abs(userId.hashCode()) % AGENTS.length]).append('"');
		json.append(",\"ip\":\"203.0.113.").append(this.random.nextInt(255)).append('"');
		if ("PURCHASE".equals(type)) {
			json.append(",\"amountMinor\":").append(500 + this.random.nextInt(20_000)).append(",\"currency\":\"EUR\"");
		}
		return json.append('}').toString();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	// A well-behaved client: on 503 (a service just starting, Kafka away) wait as told and
	// resend the same events; their eventIds keep the retry idempotent.
	private HttpResponse<String> postWithRetries(String path, String json) throws Exception {
		HttpResponse<String> response = post(path, json);
		for (int attempt = 1; attempt <= 10 && response.statusCode() == 503; attempt++) {
			long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
			Thread.sleep(Duration.ofSeconds(Math.min(wait, 5)));
			response = post(path, json);
		}
		return response;
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(10))
			.header("X-Api-Key", this.apiKey);
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
