/**
 * What every embedded server shares: the start/stop contract and the port checks that
 * turn "address already in use" deep inside a server into one clear message.
 */
package io.pulsehub.localstack.server;
