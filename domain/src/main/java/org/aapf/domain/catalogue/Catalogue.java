package org.aapf.domain.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.aapf.domain.error.AapfException;

/** The operator's catalogue of images and performance types; immutable, names unique within each list. */
public final class Catalogue {

    private static final Catalogue EMPTY = new Catalogue(Map.of(), Map.of(), List.of());

    private final Map<String, Image> images;
    private final Map<String, PerfType> perfTypes;
    private final List<WarmPool> pools;

    private Catalogue(Map<String, Image> images, Map<String, PerfType> perfTypes, List<WarmPool> pools) {
        this.images = images;
        this.perfTypes = perfTypes;
        this.pools = pools;
    }

    /**
     * Builds a catalogue, e.g. from a configuration file.
     *
     * @throws IllegalArgumentException when two images or two performance types share a name
     */
    public static Catalogue of(Collection<Image> images, Collection<PerfType> perfTypes) {
        return new Catalogue(index(images, Image::repositoryName, "image"),
                index(perfTypes, PerfType::name, "performance type"), List.of());
    }

    /**
     * This catalogue with these warm pools (replacing any it had).
     *
     * @throws IllegalArgumentException when a pool names an image or performance type the catalogue lacks, or two
     *     pools name the same pair
     */
    public Catalogue withPools(Collection<WarmPool> warmPools) {
        index(warmPools, WarmPool::key, "pool");
        for (WarmPool pool : warmPools) {
            if (!images.containsKey(pool.imageRepositoryName())) {
                throw new IllegalArgumentException("pool '" + pool.key() + "' names an image that is not in the"
                        + " catalogue");
            }
            if (!perfTypes.containsKey(pool.perfTypeName())) {
                throw new IllegalArgumentException("pool '" + pool.key() + "' names a performance type that is not"
                        + " in the catalogue");
            }
        }
        return new Catalogue(images, perfTypes, List.copyOf(warmPools));
    }

    /** The operator's warm pools, in the order configured; empty by default (every create starts a notebook). */
    public List<WarmPool> pools() {
        return pools;
    }

    /** The pool serving notebooks of this image and performance type, when one has a size above 0. */
    public Optional<WarmPool> poolFor(String image, String perfType) {
        return pools.stream().filter(pool -> pool.size() > 0 && pool.serves(image, perfType)).findFirst();
    }

    public static Catalogue empty() {
        return EMPTY;
    }

    /** @throws AapfException {@code INVALID_INPUT} "Unknown image 'x'." */
    public Image image(String repositoryName) {
        return findImage(repositoryName)
                .orElseThrow(() -> AapfException.invalid("Unknown image '" + repositoryName + "'."));
    }

    /** @throws AapfException {@code INVALID_INPUT} "Unknown performance type 'x'." */
    public PerfType perfType(String name) {
        return findPerfType(name)
                .orElseThrow(() -> AapfException.invalid("Unknown performance type '" + name + "'."));
    }

    public Optional<Image> findImage(String repositoryName) {
        return Optional.ofNullable(repositoryName).map(images::get);
    }

    public Optional<PerfType> findPerfType(String name) {
        return Optional.ofNullable(name).map(perfTypes::get);
    }

    /** This catalogue with only the images and performance types the filters keep (what one user may use). */
    public Catalogue restrictedTo(Predicate<String> imageNames, Predicate<String> perfTypeNames) {
        return Catalogue.of(images.values().stream().filter(image -> imageNames.test(image.repositoryName())).toList(),
                perfTypes.values().stream().filter(perfType -> perfTypeNames.test(perfType.name())).toList());
    }

    /** Every image, sorted by repository name. */
    public List<Image> images() {
        return List.copyOf(images.values());
    }

    /** Every performance type, sorted by name. */
    public List<PerfType> perfTypes() {
        return List.copyOf(perfTypes.values());
    }

    private static <T> Map<String, T> index(Collection<T> items, Function<T, String> name, String what) {
        Map<String, T> byName = new TreeMap<>(Comparator.naturalOrder());
        for (T item : new ArrayList<>(items)) {
            if (byName.put(name.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate " + what + " '" + name.apply(item) + "'");
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
