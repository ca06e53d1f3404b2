/**
 * The trending API: the items with the most engagement over a recent window, read from
 * the Redis board the stream-processor keeps.
 */
package io.pulsehub.profile.trending;
