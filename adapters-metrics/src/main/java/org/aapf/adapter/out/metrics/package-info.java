/** Monitoring: the {@code Metrics} port kept as Micrometer meters and served in the Prometheus text format. */
package org.aapf.adapter.out.metrics;
