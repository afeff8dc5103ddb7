package org.aapf.application.service.catalogue;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.aapf.application.port.out.BackendCapacity;
import org.aapf.application.port.out.HostCapacity;
import org.aapf.domain.catalogue.PerfType;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.quota.LimitKind;
import org.aapf.domain.quota.Usage;

/**
 * Says whether a performance type can ever run on the backend: some host must have its CPU, memory and GPUs, all
 * three. The backend's answer is kept for {@link #FRESH}, so listing types and creating clusters do not ask it each
 * time; without an answer every type is offered.
 */
public final class PerfTypeFit {

    static final Duration FRESH = Duration.ofSeconds(30);

    private final BackendCapacity capacity;
    private final Clock clock;
    private volatile Answer answer;

    @Inject
    public PerfTypeFit(BackendCapacity capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Why no host can run an instance of {@code type}; empty when one can, or when the backend cannot say. */
    public Optional<String> whyNot(PerfType type) {
        return hosts().flatMap(hosts -> whyNot(type, hosts));
    }

    /**
     * @throws AapfException {@code INVALID_INPUT} naming the type and what it lacks, before anything is stored or
     *     started
     */
    public void require(String field, PerfType type) {
        whyNot(type).ifPresent(reason -> {
            throw AapfException.invalid("'" + field + "': performance type '" + type.name() + "' cannot run on this"
                    + " backend: " + reason);
        });
    }

    private Optional<List<HostCapacity>> hosts() {
        Instant now = clock.instant();
        Answer known = answer;
        if (known == null || now.isAfter(known.at().plus(FRESH)) || now.isBefore(known.at())) {
            known = new Answer(now, capacity.hosts());
            answer = known;
        }
        return known.hosts();
    }

    static Optional<String> whyNot(PerfType type, List<HostCapacity> hosts) {
        if (hosts.isEmpty()) {
            return Optional.of("the backend has no host to run it on.");
        }
        Usage needs = Usage.ofInstances(type.resources(), 1);
        Optional<String> lacking = lacking(LimitKind.CPU, needs.milliCpu(), hosts, HostCapacity::milliCpu)
                .or(() -> lacking(LimitKind.MEMORY, needs.memoryMiB(), hosts, HostCapacity::memoryMiB))
                .or(() -> lacking(LimitKind.GPUS, needs.gpus(), hosts, HostCapacity::gpus));
        if (lacking.isPresent()) {
            return lacking;
        }
        boolean oneHostFits = hosts.stream().anyMatch(host -> host.milliCpu() >= needs.milliCpu()
                && host.memoryMiB() >= needs.memoryMiB() && host.gpus() >= needs.gpus());
        return oneHostFits ? Optional.empty() : Optional.of("no single host has " + LimitKind.CPU.describe(
                needs.milliCpu()) + ", " + LimitKind.MEMORY.describe(needs.memoryMiB()) + " and "
                + LimitKind.GPUS.describe(needs.gpus()) + " together.");
    }

    private static Optional<String> lacking(LimitKind kind, long needed, List<HostCapacity> hosts,
            ToLongFunction<HostCapacity> amount) {
        HostCapacity largest = hosts.stream().max(Comparator.comparingLong(amount)).orElseThrow();
        if (amount.applyAsLong(largest) >= needed) {
            return Optional.empty();
        }
        return Optional.of("it needs " + kind.describe(needed) + "; the most any host has is "
                + kind.describe(amount.applyAsLong(largest)) + " (" + largest.name() + ").");
    }

    private record Answer(Instant at, Optional<List<HostCapacity>> hosts) {
    }
}
