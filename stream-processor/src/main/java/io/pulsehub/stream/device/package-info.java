/**
 * Device classification of user agents (desktop, mobile, tablet, bot) for the real-time
 * tag topology.
 */
package io.pulsehub.stream.device;
