/** AAClusters: a user's notebook plus optional Spark master and workers, their instances, status and alerts. */
package org.aapf.domain.cluster;
