package org.aapf.domain.catalogue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.aapf.domain.cluster.ServiceKind;

/**
 * An image users may pick for a service, as listed by {@code GET /images}, plus how a backend runs it.
 *
 * @param repositoryName the name users refer to it by, e.g. {@code aa_jupyter_notebook}
 * @param reference the backend image reference, e.g. {@code quay.io/jupyter/base-notebook:2024-05-06}
 * @param launch how to start it by default
 * @param launchByService per-service overrides, e.g. a Spark image started as master or as worker
 */
public record Image(String repositoryName, String displayName, String description, String reference,
        LaunchSpec launch, Map<ServiceKind, LaunchSpec> launchByService) {

    public Image {
        requireText("repositoryName", repositoryName);
        requireText("displayName", displayName);
        Objects.requireNonNull(description, "'description' must not be null");
        requireText("reference", reference);
        Objects.requireNonNull(launch, "'launch' must not be null");
        Objects.requireNonNull(launchByService, "'launchByService' must not be null");
        launchByService = launchByService.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(launchByService));
    }

    /** An image started the same way whatever service uses it. */
    public static Image of(String repositoryName, String displayName, String description, String reference,
            LaunchSpec launch) {
        return new Image(repositoryName, displayName, description, reference, launch, Map.of());
    }

    /** How to start this image as {@code service}: its override if there is one, the default otherwise. */
    public LaunchSpec launchFor(ServiceKind service) {
        return launchByService.getOrDefault(service, launch);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must not be blank");
        }
    }
}
