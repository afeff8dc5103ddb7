package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.aapf.application.port.out.DesiredInstance;

/**
 * The PersistentVolumeClaim holding a cluster's notebook workspace. It has no owner reference: deleting the cluster's
 * root object or its pods leaves it alone, and only an explicit {@code removeWorkspace} deletes it.
 */
final class WorkspaceClaims {

    private WorkspaceClaims() {
    }

    static PersistentVolumeClaim claim(String serverId, String namespace, DesiredInstance desired,
            WorkspaceStorage storage) {
        WorkspaceStorage chosen = storage.forImage(desired.image());
        Map<String, String> labels = Labels.root(serverId, desired.ref().cluster(), desired.owner());
        labels.put(Labels.WORKSPACE, "true");
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                    .withName(Names.workspace(serverId, desired.ref().cluster()))
                    .withNamespace(namespace)
                    .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                    .withAccessModes("ReadWriteOnce")
                    .withStorageClassName(chosen.storageClass().orElse(null))
                    .withNewResources().withRequests(Map.of("storage", new Quantity(chosen.size()))).endResources()
                .endSpec()
                .build();
    }
}
