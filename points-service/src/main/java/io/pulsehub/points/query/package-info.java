/**
 * Balance and history queries on the read replica.
 */
package io.pulsehub.points.query;
