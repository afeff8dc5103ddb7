package org.aapf.adapter.in.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which API requests go into the audit trail and under what action name: every request that changes something
 * ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}), named after what it does where the API is known, and
 * {@code METHOD path} for the rest (admin endpoints added later are audited without a change here). Logins are
 * audited by the login use cases themselves, which know the name tried (a password login) or proven (a single
 * sign-on, {@code login.sso}); token refreshes and the other single sign-on steps are left out.
 */
final class AuditedRequests {

    /** What an audited request did, and to what. */
    record Action(String name, String target) {
    }

    private record Rule(String method, Pattern path, String name) {
    }

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> NOT_AUDITED = Set.of("/login", "/access-token-refresh");
    private static final String NAME = "([^/]+)";
    /** An owner's cluster, {@code owner/name}, as one target. */
    private static final String OWNED = "([^/]+/[^/]+)";
    private static final List<Rule> RULES = List.of(
            rule("POST", "/logout", "logout"),
            rule("PUT", "/password", "password.change"),
            rule("POST", "/api-tokens/" + NAME, "token.create"),
            rule("DELETE", "/api-tokens/" + NAME, "token.delete"),
            rule("POST", "/aaclusters/" + NAME, "cluster.create"),
            rule("PATCH", "/aaclusters/" + NAME, "cluster.resize"),
            rule("DELETE", "/aaclusters/" + NAME, "cluster.delete"),
            rule("POST", "/aaclusters/" + NAME + "/stop", "cluster.stop"),
            rule("POST", "/aaclusters/" + NAME + "/start", "cluster.start"),
            rule("PUT", "/admin/users/" + NAME + "/limits", "admin.limits.set"),
            rule("PUT", "/admin/users/" + NAME + "/admin", "admin.role.set"),
            rule("POST", "/admin/aaclusters/" + OWNED + "/stop", "admin.cluster.stop"),
            rule("DELETE", "/admin/aaclusters/" + OWNED, "admin.cluster.delete"));

    private AuditedRequests() {
    }

    /**
     * @param path the request's path below {@link ApiRouting#BASE_PATH}, still percent-encoded
     * @return empty for requests that change nothing (and for logins and refreshes)
     */
    static Optional<Action> of(String method, String path) {
        if (!CHANGING.contains(method) || NOT_AUDITED.contains(path) || path.startsWith("/auth/")) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.path().matcher(path);
            if (rule.method().equals(method) && matcher.matches()) {
                return Optional.of(new Action(rule.name(), matcher.groupCount() > 0 ? matcher.group(1) : ""));
            }
        }
        return Optional.of(new Action(method + " " + path, ""));
    }

    private static Rule rule(String method, String path, String name) {
        return new Rule(method, Pattern.compile(path), name);
    }
}
