/**
 * The notebook reverse proxy: forwards {@code /proxy/<proxyId>/jupyter/**} over HTTP and WebSocket to the notebook
 * that {@link org.aapf.application.port.in.ResolveNotebookRouteQuery} names, streaming bodies in constant memory.
 */
package org.aapf.adapter.in.http.proxy;
