package io.pulsehub.sync.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;

/**
 * Every route switch, in MongoDB {@code sync_route_audit}: who, when, which route, from
 * and to which strategy.
 */
public class RouteAudit {

	/** The audit collection. */
	public static final String COLLECTION = "sync_route_audit";

	private final MongoCollection<Document> entries;

	public RouteAudit(MongoCollection<Document> entries) {
		this.entries = entries;
	}

	void record(Entry entry) {
		this.entries.insertOne(new Document("routeId", entry.routeId()).append("action", entry.action())
			.append("from", entry.from())
			.append("to", entry.to())
			.append("by", entry.by())
			.append("at", Date.from(entry.at())));
	}

	List<Entry> latest(int limit) {
		List<Entry> latest = new ArrayList<>(limit);
		for (Document document : this.entries.find().sort(Sorts.descending("at", "_id")).limit(limit)) {
			latest
				.add(new Entry(document.getString("routeId"), document.getString("action"), document.getString("from"),
						document.getString("to"), document.getString("by"), document.getDate("at").toInstant()));
		}
		return latest;
	}

	/**
	 * One switch.
	 *
	 * @param routeId the route
	 * @param action {@code override} or {@code reset} (back to config)
	 * @param from the strategy in force before
	 * @param to the strategy in force after
	 * @param by the admin principal
	 * @param at when
	 */
	@Schema(description = "One route switch")
	public record Entry(@Schema(example = "engagement") String routeId, @Schema(example = "override") String action,
			@Schema(example = "WRITE_BEHIND") String from, @Schema(example = "WRITE_THROUGH") String to,
			@Schema(example = "admin") String by, Instant at) {

	}

}
