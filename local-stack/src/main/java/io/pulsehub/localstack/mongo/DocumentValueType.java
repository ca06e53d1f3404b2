package io.pulsehub.localstack.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the stand-in's collections: documents are written as BSON (what the
 * wire protocol carries), not by Java serialisation as H2's {@link ObjectDataType} writes
 * them. Under the sync benchmark Java serialisation was a sixth of the stand-in's CPU
 * (every page a commit writes), Java deserialisation most of the cost of a cache miss,
 * and H2 estimated such documents at twice their serialised size, so fewer fitted its
 * page cache.
 * <p>
 * Reads both: a BSON document starts with a tag {@link ObjectDataType} never writes
 * first; anything else is read as the plain type reads it, so files written before open
 * unchanged, and documents are rewritten as BSON as they change (one holding a value BSON
 * cannot carry stays Java-serialised). A file with BSON documents no longer opens with
 * the plain H2 backend.
 */
final class DocumentValueType extends ObjectDataType {

	/** First byte of a BSON document (ObjectDataType's tags: 0-14, 19, 32-49, 64-119). */
	static final byte BSON = 126;

	/** Memory estimate of a document: twice its encoded size, as H2 estimates. */
	private volatile int averageMemory = 1024;

	@Override
	public int getMemory(Object obj) {
		return (obj instanceof Document) ? this.averageMemory : super.getMemory(obj);
	}

	@Override
	public void write(WriteBuffer buff, Object obj) {
		if (!(obj instanceof Document document)) {
			super.write(buff, obj);
			return;
		}
		ByteBuf bson = Unpooled.buffer(this.averageMemory);
		try {
			try {
				BsonEncoder.encodeDocument(document, bson);
			}
			catch (RuntimeException ex) {
				// a value BSON cannot carry: stored as the plain type stores it
				super.write(buff, obj);
				return;
			}
			int size = bson.readableBytes();
			buff.put(BSON).putVarInt(size).put(bson.nioBuffer());
			this.averageMemory = (int) ((2L * size + 15L * this.averageMemory) / 16);
		}
		finally {
			bson.release();
		}
	}

	@Override
	public Object read(ByteBuffer buff) {
		if (buff.get(buff.position()) != BSON) {
			return super.read(buff);
		}
		buff.get();
		int size = DataUtils.readVarInt(buff);
		int start = buff.position();
		buff.position(start + size);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buff.slice(start, size)));
	}

}
