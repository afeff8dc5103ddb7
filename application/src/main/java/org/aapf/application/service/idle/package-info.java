/**
 * Idle shutdown: notebook clusters nobody uses (no busy kernel, no kernel, terminal or proxied request activity, no
 * running Spark application) are stopped after {@code clusters.idleTimeout}, with a warning event before.
 */
package org.aapf.application.service.idle;
