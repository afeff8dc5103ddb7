package org.aapf.adapter.in.http;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.InstanceView;
import org.aapf.application.port.in.ServiceView;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.Health;

/**
 * An AACluster as written by the cluster responses, field for field in the reference's order:
 * {@code {name, status, services, createdAt}}.
 */
record ClusterBody(String name, String status, List<ServiceBody> services, String createdAt) {

    static ClusterBody from(ClusterView cluster, Timestamps timestamps) {
        return new ClusterBody(cluster.name(), cluster.status().apiName(),
                cluster.services().stream().map(it -> ServiceBody.from(it, timestamps)).toList(),
                timestamps.format(cluster.createdAt()));
    }

    /**
     * One service: {@code {name, numberOfInstances, instances, image, perfType, alerts}}.
     *
     * @param image    an {@link ImageBody}, or {@code {}} when the service was not requested
     * @param perfType a {@link PerfTypeBody}, or {@code {}} when the service was not requested
     */
    record ServiceBody(String name, int numberOfInstances, List<InstanceBody> instances, Object image,
            Object perfType, List<AlertBody> alerts) {

        static ServiceBody from(ServiceView service, Timestamps timestamps) {
            return new ServiceBody(service.kind().apiName(), service.numberOfInstances(),
                    service.instances().stream().map(it -> InstanceBody.from(it, timestamps)).toList(),
                    service.image().<Object>map(ImageBody::from).orElse(Json.EMPTY_OBJECT),
                    service.perfType().<Object>map(PerfTypeBody::from).orElse(Json.EMPTY_OBJECT),
                    service.alerts().stream().map(it -> AlertBody.from(it, timestamps)).toList());
        }
    }

    /**
     * One instance: {@code {index, status, health, createdAt, updatedAt, urlPath, jupyterToken}}.
     *
     * @param health       {@code null} until known
     * @param urlPath      only on notebook instances: the field is left out otherwise
     * @param jupyterToken only on notebook instances: the field is left out otherwise
     */
    record InstanceBody(int index, String status, String health, String createdAt, String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String urlPath,
            @JsonInclude(JsonInclude.Include.NON_NULL) String jupyterToken) {

        static InstanceBody from(InstanceView instance, Timestamps timestamps) {
            return new InstanceBody(instance.index(), instance.status().apiName(),
                    instance.health().map(Health::apiName).orElse(null),
                    timestamps.format(instance.createdAt()), timestamps.format(instance.updatedAt()),
                    instance.urlPath().orElse(null), instance.jupyterToken().orElse(null));
        }

        @Override
        public String toString() {
            return "InstanceBody[index=" + index + ", status=" + status + ", urlPath=" + urlPath
                    + ", jupyterToken=redacted]";
        }
    }

    /** Something the owner should know about a service: {@code {level, reason, message, at}}. */
    record AlertBody(String level, String reason, String message, String at) {

        static AlertBody from(Alert alert, Timestamps timestamps) {
            return new AlertBody(alert.level().apiName(), alert.reason(), alert.message(),
                    timestamps.format(alert.at()));
        }
    }
}
