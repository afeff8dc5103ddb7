package org.aapf.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests the audit trail names, and what it names as their target. */
class AuditedRequestsTest {

    @Test
    void adminChangesAreNamed_withTheUserOrTheOwnersClusterAsTarget() {
        assertAction("admin.limits.set", "bob", "PUT", "/admin/users/bob/limits");
        assertAction("admin.role.set", "bob", "PUT", "/admin/users/bob/admin");
        assertAction("admin.cluster.stop", "alice/nb1", "POST", "/admin/aaclusters/alice/nb1/stop");
        assertAction("admin.cluster.delete", "alice/nb1", "DELETE", "/admin/aaclusters/alice/nb1");
    }

    @Test
    void ownChangesAreNamed_readsAndLoginsAreNotAudited() {
        assertAction("cluster.stop", "nb1", "POST", "/aaclusters/nb1/stop");
        assertAction("token.delete", "ci", "DELETE", "/api-tokens/ci");
        assertTrue(AuditedRequests.of("GET", "/admin/users").isEmpty());
        assertTrue(AuditedRequests.of("POST", "/login").isEmpty());
    }

    private static void assertAction(String name, String target, String method, String path) {
        AuditedRequests.Action action = AuditedRequests.of(method, path).orElseThrow();
        assertEquals(name, action.name());
        assertEquals(target, action.target());
    }
}
