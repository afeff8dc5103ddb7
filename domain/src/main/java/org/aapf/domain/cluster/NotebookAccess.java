package org.aapf.domain.cluster;

import java.util.Objects;

/** How the owner reaches a notebook instance: its proxy path and its token. */
public record NotebookAccess(ProxyId proxyId, JupyterToken token) {

    public NotebookAccess {
        Objects.requireNonNull(proxyId, "'proxyId' must not be null");
        Objects.requireNonNull(token, "'jupyterToken' must not be null");
    }

    public static NotebookAccess random() {
        return new NotebookAccess(ProxyId.random(), JupyterToken.random());
    }

    /** {@code /proxy/<proxyId>/jupyter}, the notebook's base URL. */
    public String urlPath() {
        return proxyId.urlPath();
    }
}
