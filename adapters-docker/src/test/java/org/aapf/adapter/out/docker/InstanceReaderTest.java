package org.aapf.adapter.out.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.aapf.adapter.out.docker.DockerSettings.EndpointMode;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading many running containers whose health path does not answer, as a user can arrange for their own. */
@Timeout(60)
class InstanceReaderTest {

    private static final int CONTAINERS = 8;

    private final InstanceReader reader = new InstanceReader(
            new ContainerSpecs("server-a", EndpointMode.LOOPBACK_PUBLISHED, 256), EndpointMode.LOOPBACK_PUBLISHED,
            new ProbedHealth(new HttpHealthProbe(Duration.ofSeconds(1)), ref -> { }));
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpenAtOnce = new AtomicInteger();
    private ServerSocket silent;

    @AfterEach
    void close() throws IOException {
        silent.close();
    }

    @Test
    void healthPathsThatNeverAnswer_areProbedAtOnce_andTheInstancesAreStarting() throws Exception {
        silent = new ServerSocket(0, CONTAINERS, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptAndNeverAnswer);
        List<InspectContainerResponse> containers = new ArrayList<>();
        for (int index = 1; index <= CONTAINERS; index++) {
            containers.add(runningNotebook(index, silent.getLocalPort()));
        }

        List<ObservedInstance> observed = reader.observed(containers);

        assertEquals(CONTAINERS, observed.size());
        assertEquals(List.of(Phase.STARTING), observed.stream().map(ObservedInstance::phase).distinct().toList());
        assertEquals(CONTAINERS, mostOpenAtOnce.get(), "every probe was waiting at the same time, not one by one");
    }

    private void acceptAndNeverAnswer() {
        try {
            while (true) {
                Socket connection = silent.accept();
                mostOpenAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
                Thread.ofVirtual().start(() -> {
                    try (connection) {
                        while (connection.getInputStream().read() >= 0) {
                            // the request, then nothing until the probe gives up
                        }
                    } catch (IOException e) {
                        // the probe dropped the connection
                    } finally {
                        open.decrementAndGet();
                    }
                });
            }
        } catch (IOException e) {
            // the test is over
        }
    }

    private static InspectContainerResponse runningNotebook(int index, int hostPort) throws IOException {
        String json = """
                {"Id": "c%1$d", "Created": "2026-12-05T10:00:00Z",
                 "State": {"Status": "running", "Running": true, "StartedAt": "2026-12-05T10:00:01Z"},
                 "Config": {"Labels": {"org.aapf.server": "server-a", "org.aapf.cluster": "%2$s",
                   "org.aapf.service": "jupyter-notebook", "org.aapf.index": "1", "org.aapf.owner": "%3$s",
                   "org.aapf.http-port": "8888", "org.aapf.health-path": "/api"}},
                 "NetworkSettings": {"Ports": {"8888/tcp": [{"HostIp": "127.0.0.1", "HostPort": "%4$d"}]}}}
                """.formatted(index, UUID.randomUUID(), UUID.randomUUID(), hostPort);
        return new ObjectMapper().readValue(json, InspectContainerResponse.class);
    }
}
