package io.pulsehub.stream.tags;

import io.pulsehub.contracts.events.UserActivityEvent;
import io.pulsehub.stream.device.Device;

/**
 * An activity event with the device its user agent was classified as.
 *
 * @param event the event
 * @param device its device; {@link Device#UNKNOWN} without a user agent
 */
public record TaggedEvent(UserActivityEvent event, Device device) {
}
