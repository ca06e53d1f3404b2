/**
 * MongoDB client set-up shared by the services that keep documents: bounded driver waits
 * and the database the documents live in.
 */
package io.pulsehub.mesh.mongo;
