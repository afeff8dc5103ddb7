/**
 * AACluster use cases (create, delete, stop, start, resize, list, get, events, notebook routes, orphan workspaces);
 * they record what a user wants and wake the reconciler ({@code service.reconcile}), which makes the backend match.
 */
package org.aapf.application.service.cluster;
