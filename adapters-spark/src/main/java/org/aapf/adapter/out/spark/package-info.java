/**
 * Outbound adapter to the services a cluster runs, over their own HTTP APIs at the endpoint whichever backend
 * (Docker, Kubernetes) resolved: which workers registered with a Spark master and which applications it runs
 * ({@code HttpSparkMasterMonitor}), and whether a Jupyter notebook is in use ({@code JupyterActivityProbe}).
 */
package org.aapf.adapter.out.spark;
