package org.aapf.domain.cluster;

import java.util.Arrays;
import java.util.Optional;

/** The services an AACluster is made of, in the order the API lists them. */
public enum ServiceKind {
    JUPYTER_NOTEBOOK("jupyter-notebook"),
    SPARK_MASTER("spark-master"),
    SPARK_WORKER("spark-worker");

    private final String apiName;

    ServiceKind(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in the API and in backend labels, e.g. {@code jupyter-notebook}. */
    public String apiName() {
        return apiName;
    }

    public static Optional<ServiceKind> fromApiName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.apiName.equals(name)).findFirst();
    }
}
