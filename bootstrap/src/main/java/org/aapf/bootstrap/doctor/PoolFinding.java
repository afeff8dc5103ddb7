package org.aapf.bootstrap.doctor;

import java.util.List;
import java.util.stream.Collectors;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.WarmPool;

/** The warm pools' fill as {@code aapf doctor} reports it: one line per configured pool, never a failure. */
final class PoolFinding {

    private PoolFinding() {
    }

    /** @param copies whether the backend can copy a stopped cluster's workspace into a warm instance */
    static Finding of(Catalogue catalogue, List<WarmInstance> warm, boolean copies) {
        if (catalogue.pools().isEmpty()) {
            return Finding.ok("pools", "none configured (every create starts its notebook)");
        }
        String lines = catalogue.pools().stream().map(pool -> System.lineSeparator() + "      " + line(pool, warm)
                + "; " + starts(pool, copies)).collect(Collectors.joining());
        return Finding.ok("pools", catalogue.pools().size() + " configured; warm instances run outside every"
                + " user's limits:" + lines);
    }

    static String line(WarmPool pool, List<WarmInstance> warm) {
        List<WarmInstance> mine = warm.stream().filter(instance -> instance.pool().equals(pool.key())).toList();
        return pool.key() + ": size " + pool.size() + ", " + count(mine, WarmInstance.State.READY) + " ready, "
                + count(mine, WarmInstance.State.STARTING) + " starting, " + count(mine, WarmInstance.State.CLAIMED)
                + " being taken over";
    }

    /** Which starts of stopped clusters the pool serves. */
    static String starts(WarmPool pool, boolean copies) {
        if (!copies) {
            return "starts are cold (this backend cannot copy a workspace into a running instance)";
        }
        return pool.maxStartCopyMiB() == 0 ? "starts are cold (maxStartCopyMiB: 0)"
                : "starts copy workspaces up to " + pool.maxStartCopyMiB() + " MiB into a warm instance";
    }

    private static long count(List<WarmInstance> instances, WarmInstance.State state) {
        return instances.stream().filter(instance -> instance.state() == state).count();
    }
}
