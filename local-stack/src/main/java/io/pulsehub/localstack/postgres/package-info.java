/**
 * A real PostgreSQL server from the binaries zonky packages as Maven artifacts, plus the
 * databases and login roles the services expect to find in it.
 */
package io.pulsehub.localstack.postgres;
