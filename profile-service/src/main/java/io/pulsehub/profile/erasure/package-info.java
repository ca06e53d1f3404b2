/**
 * {@code DELETE /api/v1/profiles/{userId}} and {@code GET /api/v1/erasures/{id}}: erasure
 * of a user from every store, recorded durably in MongoDB ({@code erasures}) with a
 * tombstone ({@code user_erasures}, {@code erased:{userId}}) that keeps late changes from
 * bringing the user back.
 */
package io.pulsehub.profile.erasure;
