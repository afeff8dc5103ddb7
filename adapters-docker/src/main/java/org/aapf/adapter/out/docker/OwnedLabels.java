package org.aapf.adapter.out.docker;

import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.user.UserId;

/** The labels that mark what an AAPF server owns on the engine, and how to read an instance back from them. */
final class OwnedLabels {

    static final String SERVER = "org.aapf.server";
    static final String CLUSTER = "org.aapf.cluster";
    static final String SERVICE = "org.aapf.service";
    static final String INDEX = "org.aapf.index";
    static final String OWNER = "org.aapf.owner";
    static final String SPEC_HASH = "org.aapf.spec-hash";
    static final String HTTP_PORT = "org.aapf.http-port";
    static final String HEALTH_PATH = "org.aapf.health-path";
    /** Marks a cluster's workspace volume; its value is the mount path it was created for. */
    static final String WORKSPACE = "org.aapf.workspace";

    private OwnedLabels() {
    }

    /** The label filter value selecting everything one server owns. */
    static String serverFilter(String serverId) {
        return SERVER + "=" + serverId;
    }

    /** The instance a container's labels name; empty when they are incomplete or malformed (then it is not ours). */
    static Optional<InstanceRef> ref(Map<String, String> labels) {
        try {
            Optional<ServiceKind> service = ServiceKind.fromApiName(labels.getOrDefault(SERVICE, ""));
            if (service.isEmpty() || !labels.containsKey(CLUSTER) || !labels.containsKey(INDEX)) {
                return Optional.empty();
            }
            return Optional.of(new InstanceRef(ClusterId.parse(labels.get(CLUSTER)), service.get(),
                    Integer.parseInt(labels.get(INDEX))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<UserId> owner(Map<String, String> labels) {
        try {
            return Optional.ofNullable(labels.get(OWNER)).map(UserId::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> httpPort(Map<String, String> labels) {
        try {
            return Optional.ofNullable(labels.get(HTTP_PORT)).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<String> healthPath(Map<String, String> labels) {
        return Optional.ofNullable(labels.get(HEALTH_PATH)).filter(path -> !path.isEmpty());
    }
}
