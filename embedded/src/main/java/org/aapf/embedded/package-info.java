/**
 * AAPF as a library: {@link org.aapf.embedded.Aapf#builder()} wires the core over the host's database and a cluster
 * backend, and hands out the inbound use cases, an optional HTTP layer and the lifecycle.
 */
package org.aapf.embedded;
