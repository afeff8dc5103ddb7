package org.aapf.adapter.out.persistence;

import java.util.function.Function;

/** Reads the enumerations stored by their API names ({@code creating}, {@code jupyter-notebook}...) back. */
final class ApiNames {

    private ApiNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> apiName, String stored) {
        for (E constant : type.getEnumConstants()) {
            if (apiName.apply(constant).equals(stored)) {
                return constant;
            }
        }
        throw new IllegalStateException("unknown " + type.getSimpleName() + " '" + stored + "' in the database");
    }
}
