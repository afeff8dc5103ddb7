/** A small JVM program that embeds AAPF with H2 and the Docker backend and drives a cluster through the use cases. */
package org.aapf.examples.embedded;
