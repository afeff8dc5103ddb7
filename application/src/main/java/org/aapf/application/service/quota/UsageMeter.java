package org.aapf.application.service.quota;

import java.util.Collection;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.PerfType;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.quota.Usage;

/**
 * Measures what clusters use: each cluster counts until it is deleted, each instance that is not stopped counts its
 * performance type. A type the operator has since removed from the catalogue counts nothing (its size is unknown).
 */
public final class UsageMeter {

    private UsageMeter() {
    }

    public static Usage of(Collection<AACluster> clusters, Catalogue catalogue) {
        Usage total = Usage.NONE;
        for (AACluster cluster : clusters) {
            total = total.plus(of(cluster, catalogue));
        }
        return total;
    }

    public static Usage of(AACluster cluster, Catalogue catalogue) {
        Usage usage = Usage.oneCluster();
        for (Instance instance : cluster.instances()) {
            if (instance.status() == InstanceStatus.STOPPED) {
                continue;
            }
            usage = usage.plus(cluster.spec(instance.service())
                    .flatMap(spec -> catalogue.findPerfType(spec.perfTypeName()))
                    .map(PerfType::resources)
                    .map(resources -> Usage.ofInstances(resources, 1))
                    .orElse(Usage.NONE));
        }
        return usage;
    }
}
