/**
 * The sync admin endpoints that are not about routes: statistics, resync, drift check;
 * and the sync's problem details.
 */
package io.pulsehub.sync.admin;
