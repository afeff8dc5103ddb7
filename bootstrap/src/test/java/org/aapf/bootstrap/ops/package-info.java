/** Tests of what operators rely on: probes, metrics, the access log, shutdown, configuration errors, the doctor. */
package org.aapf.bootstrap.ops;
