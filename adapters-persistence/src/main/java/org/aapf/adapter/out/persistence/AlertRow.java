package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of {@code cluster_alerts} or {@code instance_alerts}; for a cluster-wide alert {@code service} is null and
 * {@code instanceIndex} 0. Public only because Jdbi's {@code @BindMethods} binds the accessors of public types.
 */
public record AlertRow(String clusterId, String service, int instanceIndex, int alertOrder, String alertLevel,
        String reason, String message, OffsetDateTime raisedAt) {

    InstanceKey instance() {
        return new InstanceKey(clusterId, service, instanceIndex);
    }

    /** True when both lists hold the same alerts in the same order (times compared as instants). */
    static boolean sameAlerts(List<AlertRow> a, List<AlertRow> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameContentAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameContentAs(AlertRow other) {
        return alertOrder == other.alertOrder && alertLevel.equals(other.alertLevel) && reason.equals(other.reason)
                && message.equals(other.message) && raisedAt.toInstant().equals(other.raisedAt.toInstant());
    }
}
