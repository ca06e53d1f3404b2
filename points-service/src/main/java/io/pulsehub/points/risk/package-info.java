/**
 * Real-time risk rules evaluated on every command, and their alerts.
 */
package io.pulsehub.points.risk;
