/**
 * The Kubernetes {@link org.aapf.application.port.out.ClusterBackend}: pure manifest builders for the objects of an
 * AACluster, and the fabric8 adapter that applies them and watches the pods through a shared informer.
 */
package org.aapf.adapter.out.k8s;
