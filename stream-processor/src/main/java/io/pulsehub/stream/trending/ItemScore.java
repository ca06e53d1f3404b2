package io.pulsehub.stream.trending;

/**
 * An item's engagement over the trending window.
 *
 * @param itemId the item
 * @param score weighted events within the window
 */
public record ItemScore(String itemId, long score) {
}
