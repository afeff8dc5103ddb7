package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Accounts.T0_STORED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.domain.cluster.ClusterId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link WarmInstanceRepository}, run against every database by the concrete subclasses. */
abstract class AbstractWarmInstanceRepositoryTest extends DatabaseFixture {

    private static final String POOL = "aa_jupyter_notebook/small";
    private static final Instant LATER = T0_STORED.plusSeconds(5);

    private WarmInstanceRepository warm;

    @BeforeEach
    void createRepository() {
        warm = new JdbiWarmInstanceRepository(jdbi());
    }

    @Test
    void storesAWarmInstanceWithItsAccessAndState() {
        WarmInstance instance = starting();
        warm.add(instance);

        assertEquals(List.of(instance), warm.listAll());
        assertEquals(WarmInstance.State.STARTING, warm.listAll().getFirst().state());
        warm.markReady(instance.id(), LATER);
        WarmInstance ready = warm.listAll().getFirst();
        assertEquals(WarmInstance.State.READY, ready.state());
        assertEquals(Optional.of(LATER), ready.readyAt());
        assertEquals(instance.access(), ready.access());
    }

    @Test
    void claimTakesTheOldestReadyInstanceOnceAndNeverAStartingOne() {
        WarmInstance first = ready(T0_STORED);
        WarmInstance second = ready(LATER);
        WarmInstance stillStarting = starting();
        warm.add(stillStarting);

        assertEquals(first.id(), warm.claim(POOL, LATER).orElseThrow().id());
        assertEquals(second.id(), warm.claim(POOL, LATER).orElseThrow().id());
        assertTrue(warm.claim(POOL, LATER).isEmpty(), "a starting instance is not claimable");
        assertTrue(warm.claim("other/pool", LATER).isEmpty());
        assertEquals(Optional.of(LATER), warm.listAll().stream().filter(w -> w.id().equals(first.id()))
                .findFirst().orElseThrow().claimedAt());
    }

    @Test
    void concurrentClaimsNeverShareAnInstance() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            ready(T0_STORED.plusMillis(i));
        }
        List<Races.Outcome<Optional<WarmInstance>>> outcomes = Races.run(8, racer -> warm.claim(POOL, LATER));

        List<ClusterId> claimed = outcomes.stream().peek(outcome -> assertNull(outcome.error()))
                .map(Races.Outcome::result).flatMap(Optional::stream).map(WarmInstance::id).toList();
        Set<ClusterId> distinct = claimed.stream().collect(Collectors.toSet());
        assertEquals(claimed.size(), distinct.size(), "no instance went to two claimers: " + claimed);
        assertTrue(claimed.size() <= 3);
        assertTrue(warm.listAll().stream().allMatch(w -> w.state() == WarmInstance.State.CLAIMED)
                || claimed.size() < 3);
    }

    @Test
    void retiredInstanceCannotBeClaimedAndAClaimedOneCannotBeRetired() {
        WarmInstance retired = ready(T0_STORED);
        assertTrue(warm.retire(retired.id(), LATER));
        assertTrue(warm.claim(POOL, LATER).isEmpty());

        WarmInstance claimed = ready(T0_STORED);
        assertEquals(claimed.id(), warm.claim(POOL, LATER).orElseThrow().id());
        assertFalse(warm.retire(claimed.id(), LATER), "a claimed instance belongs to its cluster");
    }

    @Test
    void removedInstanceIsGone() {
        WarmInstance instance = ready(T0_STORED);
        warm.remove(instance.id());
        warm.remove(instance.id());

        assertEquals(List.of(), warm.listAll());
    }

    private WarmInstance starting() {
        return WarmInstance.starting(POOL, "aa_jupyter_notebook", "small", T0_STORED);
    }

    private WarmInstance ready(Instant at) {
        WarmInstance instance = WarmInstance.starting(POOL, "aa_jupyter_notebook", "small", at);
        warm.add(instance);
        warm.markReady(instance.id(), at);
        return instance;
    }
}
