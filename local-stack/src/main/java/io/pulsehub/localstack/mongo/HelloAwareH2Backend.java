package io.pulsehub.localstack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend answering {@code hello}, the handshake command current drivers and
 * Spring Boot's MongoDB health indicator send, as MongoDB does: the {@code isMaster}
 * reply with {@code isWritablePrimary}. mongo-java-server only knows the legacy name. Its
 * collections use the {@code _id} index for every query that pins an id
 * ({@link IdIndexedH2Collection}); their unique indexes compare keys without serialising
 * them again on every comparison ({@link IndexKeyType}); their documents are stored as
 * BSON ({@link DocumentValueType}). Its store keeps {@value #CACHE_MB} MB of pages in
 * memory, not H2's default 16: with 16, a sync of a few thousand profiles missed the
 * cache on a quarter of its document reads, each a read of the page from the file and
 * Java deserialisation of every document on it.
 */
final class HelloAwareH2Backend extends H2Backend {

	/** The store's page cache, in MB (H2's default: 16). */
	static final int CACHE_MB = 64;

	private static final IndexKeyType INDEX_KEYS = new IndexKeyType();

	private static final DocumentValueType DOCUMENTS = new DocumentValueType();

	HelloAwareH2Backend(String file) {
		// what H2Backend(String) opens, with a larger cache
		super(new MVStore.Builder().fileName(file).cacheSize(CACHE_MB).open());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if ("hello".equalsIgnoreCase(command)) {
			Document reply = super.handleCommand(channel, databaseName, "ismaster", query);
			reply.put("isWritablePrimary", Boolean.TRUE);
			return reply;
		}
		return super.handleCommand(channel, databaseName, command, query);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IdIndexedH2Database(databaseName);
	}

	/**
	 * An H2 database opening {@link IdIndexedH2Collection}s on the maps H2Database names
	 * (so existing data files open unchanged). An inner class: H2Database's constructor
	 * already opens collections, before a field of a subclass would be set, while the
	 * enclosing backend (and its store) is reachable from the start.
	 */
	private final class IdIndexedH2Database extends H2Database {

		IdIndexedH2Database(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			// the map H2Database names (existing indexes open unchanged), faster key type
			MVMap<KeyValue, Object> map = getMvStore().openMap(
					getFullCollectionNamespace(collectionName) + "._index_" + indexName,
					new MVMap.Builder<KeyValue, Object>().keyType(INDEX_KEYS));
			return new KeyTypedUniqueIndex(map, indexName, keys, sparse);
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String namespace = getFullCollectionNamespace(collectionName);
			// the maps H2Database names, documents written as BSON
			MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
					new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
			return new IdIndexedH2Collection(this, collectionName, options, documents,
					getMvStore().openMap("meta." + namespace), this.cursorRegistry);
		}

	}

}
