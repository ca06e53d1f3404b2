package io.pulsehub.localstack.mongo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Queries that pin an id but have other conditions too (the services' guarded upserts)
 * answer as MongoDB does, now through the {@code _id} index.
 */
class IdIndexedQueriesTests {

	@TempDir
	Path dataDir;

	@Test
	void findsByIdWithFurtherConditions() throws IOException {
		withProfiles(10, (profiles) -> {
			assertThat(ids(profiles, Filters.and(Filters.eq("_id", "user-5"), Filters.eq("schemaVersion", 2))))
				.containsExactly("user-5");
			assertThat(ids(profiles, Filters.and(Filters.eq("_id", "user-5"), Filters.gt("v", 5)))).isEmpty();
			assertThat(ids(profiles,
					Filters.and(Filters.in("_id", "user-1", "user-2", "user-3", "nobody"), Filters.lt("v", 3))))
				.containsExactlyInAnyOrder("user-1", "user-2");
		});
	}

	@Test
	void queriesThatPinNoIdStillMatchEveryDocument() throws IOException {
		withProfiles(10, (profiles) -> {
			assertThat(ids(profiles, Filters.or(Filters.eq("_id", "user-1"), Filters.gte("v", 8))))
				.containsExactlyInAnyOrder("user-1", "user-8", "user-9");
			assertThat(ids(profiles, Filters.and(Filters.gt("_id", "user-7"), Filters.eq("schemaVersion", 2))))
				.containsExactlyInAnyOrder("user-8", "user-9");
		});
	}

	@Test
	void guardedUpsertsUpdateOlderInsertMissingAndCollideWithNewer() throws IOException {
		withProfiles(3, (profiles) -> {
			// stored versions are 0, 1, 2; each write brings version 1
			List<WriteModel<Document>> writes = new ArrayList<>();
			for (String user : List.of("user-0", "user-1", "user-2", "user-new")) {
				Bson olderOnly = Filters.and(Filters.eq("_id", user), Filters.eq("schemaVersion", 2),
						Filters.not(Filters.gte("v", 1)));
				writes.add(new UpdateOneModel<>(olderOnly,
						Updates.combine(Updates.set("v", 1), Updates.set("written", true)),
						new UpdateOptions().upsert(true)));
			}

			assertThatExceptionOfType(MongoBulkWriteException.class)
				.isThrownBy(() -> profiles.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
				.satisfies((ex) -> assertThat(ex.getWriteErrors()).map(BulkWriteError::getIndex)
					.containsExactlyInAnyOrder(1, 2));
			assertThat(ids(profiles, Filters.eq("written", true))).containsExactlyInAnyOrder("user-0", "user-new");
			assertThat(profiles.find(Filters.eq("_id", "user-2")).first()).containsEntry("v", 2)
				.doesNotContainKey("written");
		});
	}

	@Test
	void opensFilesOfThePlainH2BackendAndReadsBothDocumentFormats() throws IOException {
		Path file = this.dataDir.resolve("mongo.mv");
		// enough ids for an index tree of several pages, ordered as the plain backend
		// orders; documents Java-serialised, as the plain backend stores them
		withPlainBackend(file, (profiles) -> {
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < 2_000; i++) {
				documents.add(new Document("_id", "user-" + i).append("v", i));
			}
			profiles.insertMany(documents);
		});

		withLocalMongo(file, (profiles) -> {
			assertThat(ids(profiles, Filters.and(Filters.eq("_id", "user-1"), Filters.exists("_id"))))
				.containsExactly("user-1");
			for (int i = 0; i < 2_000; i += 97) {
				assertThat(profiles.find(Filters.eq("_id", "user-" + i)).first()).containsEntry("v", i);
			}
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> profiles.insertOne(new Document("_id", "user-1999")));
			// written here: stored as BSON
			profiles.insertOne(new Document("_id", "user-new").append("v", -1));
			profiles.updateOne(Filters.eq("_id", "user-5"), Updates.set("v", 500));
		});

		withLocalMongo(file, (profiles) -> {
			assertThat(profiles.find(Filters.eq("_id", "user-new")).first()).containsEntry("v", -1);
			assertThat(profiles.find(Filters.eq("_id", "user-5")).first()).containsEntry("v", 500);
			assertThat(profiles.find(Filters.eq("_id", "user-1234")).first()).containsEntry("v", 1234);
			assertThat(profiles.countDocuments()).isEqualTo(2_001);
			assertThat(profiles.countDocuments(Filters.gte("v", 1_998))).isEqualTo(2);
		});
	}

	private static void withLocalMongo(Path file, ProfilesCheck check) throws IOException {
		LocalMongo mongo = new LocalMongo(freePort(), file);
		mongo.start();
		try (MongoClient client = MongoClients.create(mongo.connectionString())) {
			check.accept(client.getDatabase("pulsehub").getCollection("user_profiles"));
		}
		finally {
			mongo.stop();
		}
	}

	private static void withPlainBackend(Path file, ProfilesCheck check) {
		MongoServer plain = new MongoServer(new H2Backend(file.toString()));
		try (MongoClient client = MongoClients.create("mongodb://localhost:" + plain.bind().getPort())) {
			check.accept(client.getDatabase("pulsehub").getCollection("user_profiles"));
		}
		finally {
			plain.shutdown();
		}
	}

	private void withProfiles(int count, ProfilesCheck check) throws IOException {
		withLocalMongo(this.dataDir.resolve("mongo.mv"), (profiles) -> {
			for (int i = 0; i < count; i++) {
				profiles.insertOne(new Document("_id", "user-" + i).append("schemaVersion", 2).append("v", i));
			}
			check.accept(profiles);
		});
	}

	private static List<String> ids(MongoCollection<Document> profiles, Bson filter) {
		List<String> ids = new ArrayList<>();
		profiles.find(filter).forEach((document) -> ids.add(document.getString("_id")));
		return ids;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private interface ProfilesCheck {

		void accept(MongoCollection<Document> profiles);

	}

}
