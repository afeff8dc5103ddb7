package org.aapf.adapter.out.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;

/**
 * The named volume per cluster that holds its notebook's workspace: created before the notebook's first container
 * (labelled like the containers, so the engine never makes an unlabelled one), mounted by every container of the
 * notebook, removed only on {@link #remove}. The engine copies the image's content and ownership at the mount point
 * into a new, empty volume, so the image's unprivileged user can write there.
 */
final class WorkspaceVolumes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerClient client;
    private final DockerHttpClient http;
    private final ContainerSpecs specs;
    private final String serverId;

    WorkspaceVolumes(DockerClient client, DockerHttpClient http, ContainerSpecs specs, String serverId) {
        this.client = client;
        this.http = http;
        this.specs = specs;
        this.serverId = serverId;
    }

    /** Makes the workspace volume of the instance's cluster exist if the instance mounts one; harmless twice. */
    void ensure(DesiredInstance desired) {
        if (desired.workspacePath().isEmpty()) {
            return;
        }
        String name = specs.workspaceName(desired.ref().cluster());
        if (inspect(name).isEmpty()) {
            // Creating an existing volume returns it unchanged, so a concurrent create by another process is fine.
            client.createVolumeCmd().withName(name).withDriver("local").withLabels(specs.workspaceLabels(desired))
                    .exec();
        }
    }

    /** Removes every workspace volume of the cluster that carries this server's labels; none left is success. */
    void remove(ClusterId cluster) {
        List<InspectVolumeResponse> volumes = client.listVolumesCmd().withFilter("label", List.of(
                OwnedLabels.serverFilter(serverId), OwnedLabels.CLUSTER + "=" + cluster, OwnedLabels.WORKSPACE))
                .exec().getVolumes();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            try {
                client.removeVolumeCmd(volume.getName()).exec();
            } catch (NotFoundException e) {
                // already gone
            } catch (ConflictException e) {
                throw new AapfException(ErrorReason.INTERNAL, "The workspace volume " + volume.getName()
                        + " is still in use by a container", e);
            }
        }
    }

    /** Every workspace volume this server owns, with size and creation time from the engine's disk usage report. */
    List<Workspace> list() {
        List<Workspace> found = new ArrayList<>();
        for (JsonNode volume : diskUsage().path("Volumes")) {
            Map<String, String> labels = new HashMap<>();
            volume.path("Labels").properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
            if (!serverId.equals(labels.get(OwnedLabels.SERVER)) || !labels.containsKey(OwnedLabels.WORKSPACE)) {
                continue;
            }
            Optional<ClusterId> cluster = clusterOf(labels);
            long size = volume.path("UsageData").path("Size").asLong(-1);
            cluster.ifPresent(id -> found.add(new Workspace(id, volume.path("Name").asText(), OwnedLabels.owner(labels),
                    createdAt(volume.path("CreatedAt").asText("")),
                    size >= 0 ? OptionalLong.of(size) : OptionalLong.empty())));
        }
        return List.copyOf(found);
    }

    private JsonNode diskUsage() {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/system/df?type=volume").build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) {
                throw new AapfException(ErrorReason.INTERNAL, "The Docker engine answered "
                        + response.getStatusCode() + " to a disk usage request");
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AapfException(ErrorReason.UNAVAILABLE, "The Docker engine cannot be reached", e);
        }
    }

    private Optional<InspectVolumeResponse> inspect(String name) {
        try {
            return Optional.of(client.inspectVolumeCmd(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Optional<ClusterId> clusterOf(Map<String, String> labels) {
        try {
            return Optional.ofNullable(labels.get(OwnedLabels.CLUSTER)).map(ClusterId::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> createdAt(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

}
