package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend.WorkspaceCopy;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;

/**
 * Copies a stopped cluster's workspace volume into the workspace of a running notebook container, since the engine
 * cannot mount a volume into a running container. The engine's archive API does it without a shell or a running
 * helper: a created, never started helper container mounts the old volume (read-only), its tar archive
 * ({@code GET /containers/{id}/archive}) is streamed straight into {@code PUT /containers/{id}/archive} of the
 * running container, which extracts it into the mounted volume with the owners, modes and times the archive holds.
 * A stream longer than the limit is cut off, so the engine sees a truncated archive and the copy answers
 * {@link WorkspaceCopy#TOO_LARGE}. The helper carries this server's and the old cluster's labels but names no
 * instance: {@code observe()} ignores it, and a helper a crash left behind goes with the next copy from that cluster,
 * the next notebook container created for it (a cold start), or its removal.
 */
final class WorkspaceCopies {

    private final DockerClient client;
    private final ContainerSpecs specs;
    private final String serverId;

    WorkspaceCopies(DockerClient client, ContainerSpecs specs, String serverId) {
        this.client = client;
        this.specs = specs;
        this.serverId = serverId;
    }

    WorkspaceCopy copy(ClusterId from, InstanceRef into, String workspacePath, long maxBytes) {
        InspectContainerResponse target = inspect(specs.containerName(into))
                .filter(container -> serverId.equals(labelsOf(container).get(OwnedLabels.SERVER)))
                .filter(container -> container.getState() != null
                        && Boolean.TRUE.equals(container.getState().getRunning()))
                .orElseThrow(() -> new AapfException(ErrorReason.INTERNAL, "Instance " + into
                        + " is not running, so no workspace can be copied into it"));
        Optional<InspectVolumeResponse> source = volume(specs.workspaceName(from));
        if (source.isEmpty()) {
            return WorkspaceCopy.COPIED;
        }
        String helper = helperName(from);
        removeHelper(helper);
        String sourcePath = Optional.ofNullable(source.get().getLabels()).map(l -> l.get(OwnedLabels.WORKSPACE))
                .orElse(workspacePath);
        client.createContainerCmd(target.getConfig().getImage())
                .withName(helper)
                .withLabels(Map.of(OwnedLabels.SERVER, serverId, OwnedLabels.CLUSTER, from.toString()))
                .withNetworkDisabled(true)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withMounts(List.of(new Mount()
                        .withType(MountType.VOLUME).withSource(source.get().getName()).withTarget(sourcePath)
                        .withReadOnly(true))))
                .exec();
        try (InputStream archive = client.copyArchiveFromContainerCmd(helper, sourcePath + "/.").exec();
                CappedStream capped = new CappedStream(archive, maxBytes)) {
            try {
                client.copyArchiveToContainerCmd(target.getId()).withRemotePath(workspacePath)
                        .withTarInputStream(capped).exec();
            } catch (RuntimeException e) {
                if (capped.exceeded) {
                    return WorkspaceCopy.TOO_LARGE;
                }
                throw e;
            }
            return capped.exceeded ? WorkspaceCopy.TOO_LARGE : WorkspaceCopy.COPIED;
        } catch (IOException e) {
            throw new AapfException(ErrorReason.INTERNAL, "Copying the workspace of " + from + " failed", e);
        } finally {
            removeHelper(helper);
        }
    }

    /** Removes a helper container of the cluster, if one is left (after a crash); none is success. */
    void removeHelper(ClusterId from) {
        removeHelper(helperName(from));
    }

    private String helperName(ClusterId from) {
        return specs.workspaceName(from).replaceFirst("^aapf-ws-", "aapf-wscopy-");
    }

    private void removeHelper(String name) {
        try {
            InspectContainerResponse helper = client.inspectContainerCmd(name).exec();
            if (serverId.equals(labelsOf(helper).get(OwnedLabels.SERVER))) {
                client.removeContainerCmd(helper.getId()).withForce(true).exec();
            }
        } catch (NotFoundException | ConflictException e) {
            // already gone, or being removed
        }
    }

    private Optional<InspectContainerResponse> inspect(String name) {
        try {
            return Optional.of(client.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<InspectVolumeResponse> volume(String name) {
        try {
            InspectVolumeResponse volume = client.inspectVolumeCmd(name).exec();
            Map<String, String> labels = volume.getLabels();
            return labels != null && serverId.equals(labels.get(OwnedLabels.SERVER)) ? Optional.of(volume)
                    : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> labelsOf(InspectContainerResponse container) {
        Map<String, String> labels = container.getConfig() == null ? null : container.getConfig().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** Passes at most {@code max} bytes on; past that it fails the read, so the receiver sees a broken archive. */
    private static final class CappedStream extends FilterInputStream {

        private final long max;
        private long count;
        private volatile boolean exceeded;

        CappedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            count += n;
            if (count > max) {
                exceeded = true;
                throw new IOException("the workspace archive is larger than " + max + " bytes");
            }
        }
    }
}
