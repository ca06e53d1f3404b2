package io.pulsehub.localstack.mongo;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The {@code _id} values a query pins, when it pins any: an equality or an {@code $in} of
 * plain values, at the top level or in a clause of a top-level {@code $and}. A document
 * the query matches has one of these ids, so the {@code _id} index narrows the documents
 * to match, as MongoDB's planner would; mongo-java-server itself only uses an index when
 * the query has no other field.
 */
final class IdConstraint {

	static final String ID = "_id";

	private static final String AND = "$and";

	private static final String IN = "$in";

	private IdConstraint() {
	}

	/**
	 * The {@code _id} condition to look up in the {@code _id} index.
	 * @param query the query
	 * @return a query on {@code _id} alone, or null when the query pins no id
	 */
	static Document of(Document query) {
		if (query.containsKey(ID) && usable(query.get(ID))) {
			return new Document(ID, query.get(ID));
		}
		if (query.get(AND) instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document document) {
					Document pinned = of(document);
					if (pinned != null) {
						return pinned;
					}
				}
			}
		}
		return null;
	}

	private static boolean usable(Object value) {
		if (value instanceof Document document) {
			return document.size() == 1 && document.get(IN) instanceof Collection<?> values
					&& values.stream().allMatch(IdConstraint::plain);
		}
		return plain(value);
	}

	private static boolean plain(Object value) {
		return value != null && !(value instanceof Document) && !(value instanceof Collection)
				&& !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value);
	}

}
