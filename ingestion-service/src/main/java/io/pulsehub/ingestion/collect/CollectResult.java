package io.pulsehub.ingestion.collect;

import java.util.List;

/**
 * What happened to the events of a request: the accepted ones are on Kafka, acknowledged
 * by every in-sync replica.
 *
 * @param accepted how many events were accepted
 * @param eventIds the accepted events' ids, in request order (generated where the client
 * sent none)
 * @param rejected the events that were not accepted, each with its reasons
 */
record CollectResult(int accepted, List<String> eventIds, List<RejectedEvent> rejected) {
}
