package org.aapf.domain.cluster;

/** The result of an instance's health check, once known. */
public enum Health {
    HEALTHY("healthy"),
    UNHEALTHY("unhealthy");

    private final String apiName;

    Health(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
