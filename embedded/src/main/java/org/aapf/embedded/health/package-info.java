/** The parts of readiness ({@code GET /health/ready}): the database, the cluster backend and the reconciler. */
package org.aapf.embedded.health;
