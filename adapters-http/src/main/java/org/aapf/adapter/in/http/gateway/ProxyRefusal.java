package org.aapf.adapter.in.http.gateway;

/** Why the proxy answers a request itself instead of forwarding it: an HTTP status and a message safe for users. */
final class ProxyRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ProxyRefusal(int status, String userMessage) {
        super(userMessage, null, false, false);
        this.status = status;
    }

    static ProxyRefusal badPath() {
        return new ProxyRefusal(400, "Invalid notebook path.");
    }

    static ProxyRefusal unknownNotebook() {
        return new ProxyRefusal(404, "No notebook is served at this address.");
    }

    static ProxyRefusal forbiddenOrigin() {
        return new ProxyRefusal(403, "Requests from this origin are not allowed.");
    }

    static ProxyRefusal notReady(String status) {
        String shown = status == null || status.isBlank() ? "starting" : status;
        return new ProxyRefusal(503, "The notebook is not ready yet (" + shown + "); retry in a few seconds.");
    }

    /** The owner stopped the cluster; the message says how to start it (the cluster's name is not given away). */
    static ProxyRefusal stopped(String status) {
        return new ProxyRefusal(503, "This notebook's AACluster is " + status + ". Its owner starts it again with "
                + "POST /api/v1/aaclusters/{name}/start or the Start button of the web UI; the notebook keeps this "
                + "address and its files.");
    }

    static ProxyRefusal unreachable() {
        return new ProxyRefusal(502, "The notebook cannot be reached.");
    }

    static ProxyRefusal timedOut() {
        return new ProxyRefusal(504, "The notebook did not answer in time.");
    }

    static ProxyRefusal lookupFailed() {
        return new ProxyRefusal(503, "The notebook cannot be looked up right now; retry in a few seconds.");
    }

    static ProxyRefusal serverUnavailable() {
        return new ProxyRefusal(503, "The server cannot take requests right now; retry in a few seconds.");
    }

    int status() {
        return status;
    }
}
