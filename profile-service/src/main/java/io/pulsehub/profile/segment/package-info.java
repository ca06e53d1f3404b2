/**
 * {@code GET /api/v1/profiles?segment=&page=&size=}: the profiles of a segment from
 * MongoDB, most recently updated first, in bounded pages.
 */
package io.pulsehub.profile.segment;
