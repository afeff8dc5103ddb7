/**
 * The gateway: the listener that owns the public port ({@link org.aapf.adapter.in.http.gateway.Gateway}). It serves
 * notebook traffic itself, HTTP and WebSocket, forwarding {@code /proxy/<proxyId>/jupyter/**} to the notebook that
 * {@link org.aapf.application.port.in.ResolveNotebookRouteQuery} names and streaming bodies in constant memory, and
 * relays every other request to the Helidon server behind it.
 *
 * <p>{@code Origin} policy: a request or WebSocket handshake without {@code Origin} is allowed, since only browsers
 * send it and the notebook's token still applies; with one, the origin must equal the host the browser addressed
 * ({@code Host}), or, when {@link org.aapf.adapter.in.http.gateway.ProxySettings#allowedOrigins()} is not empty, be
 * one of those exactly. Anything else is refused with 403 before the notebook is contacted. An allowed origin is
 * presented to the notebook as the notebook's own, because Jupyter compares {@code Origin} with the {@code Host} it
 * sees, which is its internal address. On a notebook's own origin
 * ({@link org.aapf.adapter.in.http.gateway.ProxySettings#notebookDomain()}), its own origin and AAPF's are allowed as
 * well.
 */
package org.aapf.adapter.in.http.gateway;
