package org.aapf.domain.cluster;

/**
 * What the owner asked for one service: catalogue names and how many instances.
 *
 * @param imageRepositoryName the {@code repositoryName} of a catalogue image
 * @param perfTypeName the {@code name} of a catalogue performance type
 * @param numberOfInstances at least 1 (a service not requested has no spec at all)
 */
public record ServiceSpec(String imageRepositoryName, String perfTypeName, int numberOfInstances) {

    public ServiceSpec {
        if (imageRepositoryName == null || imageRepositoryName.isBlank()) {
            throw new IllegalArgumentException("'image.repositoryName' must not be blank");
        }
        if (perfTypeName == null || perfTypeName.isBlank()) {
            throw new IllegalArgumentException("'perfType' must not be blank");
        }
        if (numberOfInstances < 1) {
            throw new IllegalArgumentException("'numberOfInstances' must be >= 1");
        }
    }
}
