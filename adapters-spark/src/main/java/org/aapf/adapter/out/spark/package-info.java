/**
 * Outbound adapter to Apache Spark itself: asks a cluster's Spark master which workers registered, over its web UI,
 * at the endpoint whichever backend (Docker, Kubernetes) resolved.
 */
package org.aapf.adapter.out.spark;
