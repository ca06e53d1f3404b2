/**
 * What the gateway adds to and strips from the calls it forwards.
 */
package io.pulsehub.gateway.forwarding;
