/**
 * The reconciler: a level-triggered loop that, while this process holds the lease, compares every cluster's desired
 * state (database) with what the backend reports and converges each cluster; each convergence returns its result as
 * a value, and one retry schedule decides when anything is looked at again.
 */
package org.aapf.application.service.reconcile;
