/**
 * Serving the AAPF WebUI: the browser bundle of the {@code aapf-webui} module, read from the classpath and sent
 * with a strict Content-Security-Policy and cache headers suited to its hashed asset names.
 */
package org.aapf.adapter.in.http.webui;
