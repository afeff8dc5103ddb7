/**
 * The Docker {@code ClusterBackend}: pure builders that turn a desired instance into a container spec, kept apart
 * from the code that talks to the engine through docker-java.
 */
package org.aapf.adapter.out.docker;
