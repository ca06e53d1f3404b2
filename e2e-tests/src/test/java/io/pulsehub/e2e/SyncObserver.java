package io.pulsehub.e2e;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pulsehub.contracts.profile.RedisLayout;
import io.pulsehub.contracts.profile.UserProfileDocument;
import io.pulsehub.localstack.junit.LocalStack;
import io.pulsehub.mesh.security.InternalCallSignature;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.bson.Document;

/**
 * Looks at the sync-service from outside: one instance at a time (called the way the
 * gateway calls it, signed with the internal credential), its consumer group in Kafka,
 * and what Redis and MongoDB hold.
 */
final class SyncObserver implements AutoCloseable {

	private static final String GROUP = "sync-service";

	private static final String PRINCIPAL = "e2e-observer";

	private final InternalCallSignature signature = new InternalCallSignature(Mesh.INTERNAL_SECRET,
			Duration.ofSeconds(30), Clock.systemUTC());

	private final Admin kafka = Admin
		.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers()));

	private final MongoClient mongoClient = MongoClients.create(LocalStack.mongo().connectionString());

	private final MongoCollection<Document> profiles = this.mongoClient.getDatabase("pulsehub")
		.getCollection(UserProfileDocument.COLLECTION);

	private final RedisClient redisClient = RedisClient.create(LocalStack.redis().url());

	private final StatefulRedisConnection<String, String> redis = this.redisClient.connect();

	/**
	 * A GET on one instance, signed as the gateway signs it.
	 * @param instance the instance
	 * @param path the path, without a query
	 * @return the answer
	 */
	HttpResponse<String> get(MeshApp instance, String path) throws Exception {
		return MeshHttp.get(instance.uri(path), Map.of(InternalCallSignature.HEADER,
				this.signature.sign("GET", path, PRINCIPAL), InternalCallSignature.PRINCIPAL_HEADER, PRINCIPAL));
	}

	/**
	 * The strategy and source (config or override) one instance has in force for a route.
	 * @param instance the instance
	 * @param routeId the route
	 * @return e.g. {@code [SCHEDULED, override]}
	 */
	List<String> route(MeshApp instance, String routeId) throws Exception {
		HttpResponse<String> routes = get(instance, "/admin/sync/routes");
		if (routes.statusCode() != 200) {
			throw new IllegalStateException(instance.name() + " answered " + routes.statusCode());
		}
		List<String> strategy = JsonPath.read(routes.body(), "$[?(@.routeId == '" + routeId + "')].strategy");
		List<String> source = JsonPath.read(routes.body(), "$[?(@.routeId == '" + routeId + "')].source");
		return List.of(strategy.get(0), source.get(0));
	}

	/**
	 * Users one instance holds in its write-behind buffer.
	 * @param instance the instance
	 * @return the backlog it reports
	 */
	long writeBehindBacklog(MeshApp instance) throws Exception {
		HttpResponse<String> stats = get(instance, "/admin/sync/stats");
		if (stats.statusCode() != 200) {
			throw new IllegalStateException(instance.name() + " answered " + stats.statusCode());
		}
		List<Number> backlog = JsonPath.read(stats.body(), "$.strategies[?(@.strategy == 'WRITE_BEHIND')].backlog");
		return backlog.get(0).longValue();
	}

	/**
	 * Whether the sync-service's consumer group is stable with this many members, each
	 * holding partitions.
	 * @param members consumers expected (instances times their concurrency)
	 * @return whether it is
	 */
	boolean groupSettled(int members) throws InterruptedException {
		try {
			ConsumerGroupDescription group = this.kafka.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
			return group.groupState() == GroupState.STABLE && group.members().size() == members
					&& group.members()
						.stream()
						.map(MemberDescription::assignment)
						.allMatch((assignment) -> !assignment.topicPartitions().isEmpty());
		}
		catch (ExecutionException ex) {
			return false;
		}
	}

	/**
	 * A user's document in MongoDB.
	 * @param userId the user
	 * @return the document, {@code null} when there is none
	 */
	Document document(String userId) {
		return this.profiles.find(Filters.eq(UserProfileDocument.ID, userId)).first();
	}

	/**
	 * Profile hashes in Redis, counted by a scan (what the drift check samples from).
	 * @return how many there are
	 */
	long profilesInRedis() {
		long count = 0;
		ScanArgs matching = ScanArgs.Builder.matches(RedisLayout.profileKey("*")).limit(1000);
		KeyScanCursor<String> cursor = this.redis.sync().scan(matching);
		while (true) {
			count += cursor.getKeys().size();
			if (cursor.isFinished()) {
				return count;
			}
			cursor = this.redis.sync().scan(ScanCursor.of(cursor.getCursor()), matching);
		}
	}

	@Override
	public void close() {
		this.redis.close();
		this.redisClient.shutdown();
		this.mongoClient.close();
		this.kafka.close(Duration.ofSeconds(5));
	}

}
