/**
 * Primary/replica routing with dynamic-datasource, the replica's health and the pools'
 * metrics.
 */
package io.pulsehub.points.datasource;
