package org.aapf.domain.quota;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upper bounds on a user's {@link Usage}, one per {@link LimitKind}; a kind without a bound is unlimited. The same type
 * holds a user's overrides of the operator's defaults, where a kind without a value keeps the default
 * ({@link #overriddenBy}).
 */
public final class Limits {

    /** No bound at all (and, as overrides, none: every default applies). */
    public static final Limits NONE = new Limits(Map.of());

    private final Map<LimitKind, Long> bounds;

    private Limits(Map<LimitKind, Long> bounds) {
        EnumMap<LimitKind, Long> copy = new EnumMap<>(LimitKind.class);
        bounds.forEach((kind, bound) -> {
            Objects.requireNonNull(kind, "'kind' must not be null");
            if (bound != null) {
                if (bound < 0) {
                    throw new IllegalArgumentException("'" + kind.fieldName() + "' must be >= 0");
                }
                copy.put(kind, bound);
            }
        });
        this.bounds = copy;
    }

    /** Bounds for the kinds present; CPU in thousandths of a core. */
    public static Limits of(Map<LimitKind, Long> bounds) {
        return new Limits(Objects.requireNonNull(bounds, "'bounds' must not be null"));
    }

    /** The bound of one kind, if any (CPU in thousandths of a core). */
    public OptionalLong bound(LimitKind kind) {
        Long bound = bounds.get(kind);
        return bound == null ? OptionalLong.empty() : OptionalLong.of(bound);
    }

    /** These limits with every bound {@code overrides} has put in place of this one's. */
    public Limits overriddenBy(Limits overrides) {
        EnumMap<LimitKind, Long> merged = new EnumMap<>(bounds);
        merged.putAll(overrides.bounds);
        return new Limits(merged);
    }

    /** True when no kind has a bound. */
    public boolean isEmpty() {
        return bounds.isEmpty();
    }

    /**
     * Why a request that takes the user from {@code current} to {@code after} is refused, if it is: the first kind
     * whose amount grows beyond its bound. A request that only shrinks (or keeps) an amount over its bound is
     * allowed, so lowering a limit never blocks stopping or deleting.
     *
     * @param request what the request does, e.g. {@code creating AACluster 'big'}
     * @return e.g. {@code Over your limit maxCpu: creating AACluster 'big' needs 0.5 CPU; you use 3.5 of your 4 CPU.}
     */
    public Optional<String> refusal(String request, Usage current, Usage after) {
        for (LimitKind kind : LimitKind.values()) {
            long needed = after.of(kind) - current.of(kind);
            OptionalLong bound = bound(kind);
            if (needed > 0 && bound.isPresent() && after.of(kind) > bound.getAsLong()) {
                return Optional.of("Over your limit " + kind.fieldName() + ": " + request + " needs "
                        + kind.describe(needed) + "; you use " + kind.format(current.of(kind)) + " of your "
                        + kind.describe(bound.getAsLong()) + ".");
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Limits limits && limits.bounds.equals(bounds);
    }

    @Override
    public int hashCode() {
        return bounds.hashCode();
    }

    @Override
    public String toString() {
        return "Limits" + bounds;
    }
}
