package org.aapf.application.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aapf.application.port.out.WarmPoolMetrics;

/** Remembers what the warm pools reported, for tests. */
public final class RecordingPoolMetrics implements WarmPoolMetrics {

    public final List<String> claims = new ArrayList<>();
    public final List<Duration> refills = new ArrayList<>();
    public volatile List<PoolCensus> lastCensus = List.of();

    @Override
    public synchronized void pools(List<PoolCensus> pools) {
        lastCensus = List.copyOf(pools);
    }

    @Override
    public synchronized void claim(String pool, boolean hit) {
        claims.add(pool + (hit ? ":warm" : ":cold"));
    }

    @Override
    public synchronized void refilled(String pool, Duration took) {
        refills.add(took);
    }
}
