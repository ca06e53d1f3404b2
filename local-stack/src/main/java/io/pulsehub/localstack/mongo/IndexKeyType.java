package io.pulsehub.localstack.mongo;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the stand-in's unique indexes. It orders keys exactly as H2's
 * {@link ObjectDataType} does (by their serialised bytes: the order of the index trees
 * already on disk, which therefore open unchanged), but serialises a key object once, not
 * on every comparison. A lookup compares the searched key with a dozen stored ones, and
 * the plain type serialised both sides each time: a third of the stand-in's CPU under the
 * sync benchmark.
 * <p>
 * The serialised form of the most recently compared key objects is remembered by identity
 * (stored keys stay the same objects while their page is in memory), in a fixed number of
 * slots; a stale slot only costs a serialisation.
 */
final class IndexKeyType extends ObjectDataType {

	private static final int SLOTS = 1 << 16;

	private final AtomicReferenceArray<Serialized> serialized = new AtomicReferenceArray<>(SLOTS);

	@Override
	public int compare(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a instanceof KeyValue && b instanceof KeyValue) {
			// the order of compareNotNull (unsigned bytes, then length), by vectorised
			// mismatch: serialised keys share a long class-descriptor prefix
			return Integer.signum(Arrays.compareUnsigned(bytes(a), bytes(b)));
		}
		return super.compare(a, b);
	}

	private byte[] bytes(Object key) {
		int slot = System.identityHashCode(key) & (SLOTS - 1);
		Serialized known = this.serialized.get(slot);
		if (known != null && known.key() == key) {
			return known.bytes();
		}
		byte[] bytes = serialize(key);
		this.serialized.lazySet(slot, new Serialized(key, bytes));
		return bytes;
	}

	private record Serialized(Object key, byte[] bytes) {

	}

}
