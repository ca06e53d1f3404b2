/**
 * The local-stack servers for tests, in the role Testcontainers plays elsewhere: one
 * instance of each per JVM, started on first use on free ports and temporary data, shared
 * by every test class, and stopped when the JVM exits.
 */
package io.pulsehub.localstack.junit;
