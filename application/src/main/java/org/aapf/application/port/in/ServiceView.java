package org.aapf.application.port.in;

import java.util.List;
import java.util.Optional;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ServiceKind;

/**
 * One service as the API shows it: {@code {name, numberOfInstances, instances, image, perfType, alerts}}. A service
 * that was not requested has 0 instances, empty image and perfType (rendered {@code {}}) and no alerts.
 *
 * @param kind {@code name} is {@code kind.apiName()}
 * @param image empty renders as {@code {}}
 * @param perfType empty renders as {@code {}}
 * @param alerts cluster-wide alerts first, then those of its instances
 */
public record ServiceView(ServiceKind kind, int numberOfInstances, List<InstanceView> instances,
        Optional<ImageView> image, Optional<PerfTypeView> perfType, List<Alert> alerts) {

    public ServiceView {
        instances = List.copyOf(instances);
        alerts = List.copyOf(alerts);
    }

    /** A service the owner did not request. */
    public static ServiceView notRequested(ServiceKind kind) {
        return new ServiceView(kind, 0, List.of(), Optional.empty(), Optional.empty(), List.of());
    }
}
