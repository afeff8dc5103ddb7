package org.aapf.domain.catalogue;

import java.util.Objects;

/**
 * The operator's wish to keep {@code size} notebook instances of one catalogue image and performance type started
 * and unassigned, so that a matching create is ready at once. Size 0 keeps no instance warm.
 */
public record WarmPool(String imageRepositoryName, String perfTypeName, int size) {

    /** The most warm instances one pool may hold: each is a running notebook that costs its performance type. */
    public static final int MAX_SIZE = 100;

    public WarmPool {
        Objects.requireNonNull(imageRepositoryName, "'image' must not be null");
        Objects.requireNonNull(perfTypeName, "'perfType' must not be null");
        if (imageRepositoryName.isBlank()) {
            throw new IllegalArgumentException("'image' must not be blank");
        }
        if (perfTypeName.isBlank()) {
            throw new IllegalArgumentException("'perfType' must not be blank");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("'size' must be between 0 and " + MAX_SIZE);
        }
    }

    /** {@code image/perfType}: names the pool in metrics, logs and {@code aapf doctor}. */
    public String key() {
        return imageRepositoryName + "/" + perfTypeName;
    }

    /** True when a notebook of this image and performance type can come from this pool. */
    public boolean serves(String image, String perfType) {
        return imageRepositoryName.equals(image) && perfTypeName.equals(perfType);
    }
}
