package org.aapf.application.testing;

import java.time.Clock;
import org.aapf.application.port.out.BackendCapacity;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.service.catalogue.PerfTypeFit;
import org.aapf.application.service.quota.DefaultLimits;
import org.aapf.application.service.quota.UserQuota;

/** Limits and backend capacity for tests that are about something else: no limit, every type can run. */
public final class TestQuotas {

    private TestQuotas() {
    }

    public static UserQuota unlimited(ClusterRepository clusters, CatalogueSource catalogue) {
        return new UserQuota(DefaultLimits.none(), new InMemoryUserLimitsRepository(), clusters, catalogue,
                new InMemoryOwnerLock());
    }

    public static PerfTypeFit anyType(Clock clock) {
        return new PerfTypeFit(BackendCapacity.UNKNOWN, clock);
    }
}
