package io.pulsehub.localstack.mongo;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in's H2 store: it opens files of the plain H2 backend
 * ({@link IdIndexedQueriesTests}), with a larger page cache.
 */
class HelloAwareH2BackendTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsFourTimesH2sDefaultCacheOfPagesInMemory() {
		String file = this.dataDir.resolve("mongo.mv").toString();
		HelloAwareH2Backend backend = new HelloAwareH2Backend(file);
		try {
			assertThat(backend.getMvStore().getCacheSize()).isEqualTo(HelloAwareH2Backend.CACHE_MB);
		}
		finally {
			backend.close();
		}
		MVStore plain = MVStore.open(file);
		try {
			assertThat(plain.getCacheSize() * 4).isEqualTo(HelloAwareH2Backend.CACHE_MB);
		}
		finally {
			plain.close();
		}
	}

}
