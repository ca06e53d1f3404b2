package io.pulsehub.localstack.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend answering {@code hello}, the handshake command current drivers and
 * Spring Boot's MongoDB health indicator send, as MongoDB does: the {@code isMaster}
 * reply with {@code isWritablePrimary}. mongo-java-server only knows the legacy name.
 */
final class HelloAwareH2Backend extends H2Backend {

	HelloAwareH2Backend(String file) {
		super(file);
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

}
