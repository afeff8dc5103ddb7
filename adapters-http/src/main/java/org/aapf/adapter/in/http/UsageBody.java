package org.aapf.adapter.in.http;

import java.math.BigDecimal;
import org.aapf.application.port.in.UsageView;
import org.aapf.domain.quota.Usage;

/** {@code {limits: {...}, usage: {clusters, cpu, memoryMiB, gpus}}}: a user's limits and what they use. */
record UsageBody(LimitsBody limits, Amounts usage) {

    static UsageBody from(UsageView view) {
        Usage usage = view.usage();
        return new UsageBody(LimitsBody.from(view.limits()), new Amounts(usage.clusters(),
                BigDecimal.valueOf(usage.milliCpu(), 3).stripTrailingZeros(), usage.memoryMiB(), usage.gpus()));
    }

    /** @param cpu cores of the instances that are not stopped */
    record Amounts(long clusters, BigDecimal cpu, long memoryMiB, long gpus) {
    }
}
