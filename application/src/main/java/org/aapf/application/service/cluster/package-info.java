/**
 * AACluster use cases (create, delete, list, get, events) and the reconciler that makes the backend match the
 * database.
 */
package org.aapf.application.service.cluster;
