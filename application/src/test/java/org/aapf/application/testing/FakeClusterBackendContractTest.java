package org.aapf.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterBackendContract;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link ClusterBackendContract} on the {@link FakeClusterBackend} the application tests use, so that what
 * they prove holds for the real backends too (Woltmann's {@code InMemoryCartRepositoryTest}).
 */
class FakeClusterBackendContractTest extends ClusterBackendContract {

    private static final Resources RESOURCES = new Resources(1, 512, Optional.empty());

    private final ManualClock clock = ManualClock.atSomeMoment();
    private final FakeClusterBackend backend = new FakeClusterBackend(clock);
    private final FakeClusterBackend otherServer = new FakeClusterBackend(clock);

    @Override
    protected ClusterBackend backend() {
        return backend;
    }

    @Override
    protected ClusterBackend otherServersBackend() {
        return otherServer;
    }

    @Override
    protected ClusterBackend restartedBackend() {
        return backend.restarted();
    }

    @Override
    protected DesiredInstance runnableInstance(InstanceRef ref, UserId owner) {
        return new DesiredInstance(ref, owner, "aapf/testbox:1", List.of("serve"), Map.of(),
                RESOURCES, 8888, Optional.of("/"), Optional.of("testbox"));
    }

    @Override
    protected void writeWorkspaceFile(InstanceRef running, String name, String content) {
        backend.writeFile(running.cluster(), name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected Optional<String> readWorkspaceFile(InstanceRef running, String name) {
        return Optional.ofNullable(backend.files(running.cluster()).get(name))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    protected Duration readyTimeout() {
        return Duration.ofSeconds(1);
    }


    @Test
    void runsOnTheFake() {
        assertEquals("fake", backend().name());
    }
}
