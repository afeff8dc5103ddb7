package org.aapf.domain.catalogue;

import java.util.Objects;

/**
 * The operator's wish to keep {@code size} notebook instances of one catalogue image and performance type started
 * and unassigned, so that a matching create is ready at once. Size 0 keeps no instance warm. A start of a stopped
 * cluster takes one too when its workspace is at most {@code maxStartCopyMiB} (its files are copied into the warm
 * instance); a larger one, or 0, starts cold.
 */
public record WarmPool(String imageRepositoryName, String perfTypeName, int size, int maxStartCopyMiB) {

    /** The most warm instances one pool may hold: each is a running notebook that costs its performance type. */
    public static final int MAX_SIZE = 100;
    /** The workspace size up to which a start takes a warm instance unless the operator says otherwise. */
    public static final int DEFAULT_MAX_START_COPY_MIB = 16;

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
        if (maxStartCopyMiB < 0) {
            throw new IllegalArgumentException("'maxStartCopyMiB' must be >= 0");
        }
    }

    /** A pool whose starts copy workspaces up to {@value #DEFAULT_MAX_START_COPY_MIB} MiB. */
    public WarmPool(String imageRepositoryName, String perfTypeName, int size) {
        this(imageRepositoryName, perfTypeName, size, DEFAULT_MAX_START_COPY_MIB);
    }

    /** The largest workspace archive a start copies into a warm instance, in bytes; 0 when starts are always cold. */
    public long maxStartCopyBytes() {
        return maxStartCopyMiB * 1024L * 1024L;
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
