package org.aapf.adapter.out.k8s;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What PersistentVolumeClaim a notebook's workspace gets: a storage class (empty: the cluster's default class) and a
 * size, with overrides per image reference (an image for large data sets may want more). Read once, when the claim
 * is created; changing it later does not resize existing claims.
 *
 * @param storageClass the StorageClass name; empty means the cluster's default
 * @param size a Kubernetes quantity, e.g. {@code 10Gi}
 * @param byImage per image reference (as in the catalogue), a class and size replacing the defaults
 */
public record WorkspaceStorage(Optional<String> storageClass, String size, Map<String, WorkspaceStorage> byImage) {

    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
    private static final Pattern CLASS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    public WorkspaceStorage {
        Objects.requireNonNull(storageClass, "'storageClass' must not be null (use empty)");
        storageClass.ifPresent(name -> {
            if (!CLASS_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'workspace.storageClass' must be a StorageClass name");
            }
        });
        if (size == null || !QUANTITY.matcher(size).matches()) {
            throw new IllegalArgumentException("'workspace.size' must be a quantity such as 10Gi");
        }
        byImage = Map.copyOf(Objects.requireNonNull(byImage, "'byImage' must not be null"));
    }

    /** The cluster's default StorageClass, 10 GiB, no overrides. */
    public static WorkspaceStorage defaults() {
        return new WorkspaceStorage(Optional.empty(), "10Gi", Map.of());
    }

    /** The class and size for a notebook running {@code image}. */
    WorkspaceStorage forImage(String image) {
        return byImage.getOrDefault(image, this);
    }
}
