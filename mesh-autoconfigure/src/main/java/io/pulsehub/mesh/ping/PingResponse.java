package io.pulsehub.mesh.ping;

import java.time.Instant;

/**
 * What the routing probe answers: which service and instance took the call.
 *
 * @param service the application name
 * @param instance the instance that answered
 * @param principal the caller the gateway authenticated
 * @param time when it answered
 */
public record PingResponse(String service, String instance, String principal, Instant time) {
}
