package org.aapf.application.port.in;

import java.time.Instant;
import java.util.Optional;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.InstanceStatus;

/**
 * One instance as the API shows it: {@code {index, status, health, createdAt, updatedAt, urlPath, jupyterToken}}.
 *
 * @param index from 1
 * @param health empty renders as {@code null}
 * @param urlPath {@code /proxy/<proxyId>/jupyter}; present only on notebook instances (omit the field otherwise)
 * @param jupyterToken present only on notebook instances (omit the field otherwise)
 */
public record InstanceView(int index, InstanceStatus status, Optional<Health> health, Instant createdAt,
        Instant updatedAt, Optional<String> urlPath, Optional<String> jupyterToken) {

    @Override
    public String toString() {
        return "InstanceView[index=" + index + ", status=" + status + ", urlPath=" + urlPath + ", token=redacted]";
    }
}
