/**
 * The runnable local stack: starts the embedded servers that no environment variable
 * points elsewhere, on fixed ports and a data directory that survives restarts.
 */
package io.pulsehub.localstack;
