package org.aapf.adapter.in.http.gateway;

/**
 * Which origin a request was sent to, by its {@code Host} (and the listener it came in on): AAPF's own (the API, the
 * WebUI, and notebooks for programmatic clients only), one notebook's own ({@code <proxyId>.<notebookDomain>}), or
 * the notebook port that every notebook shares where no wildcard name exists.
 *
 * @param kind    which of the three
 * @param proxyId the notebook a {@link Kind#NOTEBOOK} origin belongs to; empty when its name names no notebook (such
 *                an origin serves nothing), and for the other kinds
 */
record Site(Kind kind, String proxyId) {

    static final Site AAPF = new Site(Kind.AAPF, "");
    static final Site SHARED_NOTEBOOKS = new Site(Kind.SHARED_NOTEBOOKS, "");

    enum Kind { AAPF, NOTEBOOK, SHARED_NOTEBOOKS }

    static Site notebook(String proxyId) {
        return new Site(Kind.NOTEBOOK, proxyId);
    }

    boolean isAapf() {
        return kind == Kind.AAPF;
    }

    /**
     * Whether a notebook origin serves the request target {@code target} (path and query, as sent): only its own
     * notebook's {@code /proxy/<proxyId>/jupyter} tree, or any notebook's on the shared port. AAPF's origin answers
     * for everything.
     */
    boolean serves(String target) {
        return switch (kind) {
            case AAPF -> true;
            case SHARED_NOTEBOOKS -> target.startsWith(ProxyPath.PREFIX);
            case NOTEBOOK -> {
                String base = ProxyPath.PREFIX + proxyId + "/jupyter";
                yield !proxyId.isEmpty() && target.startsWith(base) && (target.length() == base.length()
                        || target.charAt(base.length()) == '/' || target.charAt(base.length()) == '?');
            }
        };
    }
}
