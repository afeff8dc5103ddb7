package org.aapf.examples.embedded;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aapf.adapter.out.docker.DockerSettings;
import org.aapf.application.port.in.AddUserUseCase.AddUserCommand;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.port.in.DeleteClusterUseCase.DeleteClusterCommand;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.Image;
import org.aapf.domain.catalogue.LaunchSpec;
import org.aapf.domain.catalogue.PerfType;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;
import org.aapf.embedded.Aapf;

/**
 * Embeds AAPF with an in-memory H2 database and the local Docker engine, then, through the use cases only: adds a
 * user, creates a cluster, waits until it is ready, shows its history, deletes it and waits until it is gone.
 * No HTTP server runs. The image is {@code aapf/testbox:1} (busybox httpd stands in for the notebook).
 */
public final class EmbeddedDockerExample {

    static final String IMAGE = "aapf/testbox:1";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final PrintStream out;
    private final String serverId;

    EmbeddedDockerExample(PrintStream out, String serverId) {
        this.out = out;
        this.serverId = serverId;
    }

    public static void main(String[] args) throws InterruptedException {
        String serverId = args.length > 0 ? args[0] : "example-" + UUID.randomUUID().toString().substring(0, 8);
        new EmbeddedDockerExample(System.out, serverId).run();
    }

    void run() throws InterruptedException {
        try (Aapf aapf = Aapf.builder()
                .jdbcUrl("jdbc:h2:mem:" + serverId, "sa", "")
                .dockerBackend(DockerSettings.fromEnvironment(System.getenv(), serverId))
                .catalogue(catalogue())
                .serverId(serverId)
                .build()
                .start()) {
            out.println("AAPF started: server id " + serverId + ", H2 in memory, Docker backend");
            UserId alice = UserId.parse(aapf.users().add().addUser(new AddUserCommand("alice", "alice-secret-1")).id());
            out.println("user alice added: " + alice);

            aapf.clusters().create().create(new CreateClusterCommand(alice, "demo",
                    Optional.of(ServiceRequest.of("testbox", "tiny")), Optional.empty(), Optional.empty()));
            out.println("cluster demo requested");
            ClusterView ready = awaitReady(aapf, alice, "demo");
            var notebook = ready.services().get(0).instances().get(0);
            out.println("cluster demo is " + ready.status().apiName() + ": notebook " + notebook.status().apiName()
                    + ", health " + notebook.health().map(h -> h.apiName()).orElse("-") + ", proxied at "
                    + notebook.urlPath().orElse("-"));
            aapf.clusters().events().list(alice, "demo").forEach(event -> out.println(
                    "  event " + event.type().apiName() + ": " + event.message()));

            aapf.clusters().delete().delete(new DeleteClusterCommand(alice, "demo"));
            out.println("cluster demo deletion requested");
            awaitGone(aapf, alice, "demo");
            out.println("cluster demo deleted; clusters of alice: " + aapf.clusters().list().list(alice).size());
        }
        out.println("AAPF closed");
    }

    /** One image (busybox httpd answering on /ok) and one small performance type. */
    static Catalogue catalogue() {
        LaunchSpec httpd = new LaunchSpec(List.of("sh", "-c",
                "mkdir -p /tmp/www && echo ok > /tmp/www/ok && exec httpd -f -p {port} -h /tmp/www"),
                Map.of(), 8080, Optional.of("/ok"));
        return Catalogue.of(
                List.of(Image.of("testbox", "Test box", "busybox httpd standing in for a notebook", IMAGE, httpd)),
                List.of(new PerfType("tiny", "Tiny (0.5 CPU, 64 MiB)", new Resources(0.5, 64, Optional.empty()))));
    }

    private ClusterView awaitReady(Aapf aapf, UserId owner, String name) throws InterruptedException {
        Instant start = Instant.now();
        ClusterStatus last = null;
        while (Duration.between(start, Instant.now()).compareTo(PATIENCE) < 0) {
            ClusterView cluster = aapf.clusters().get().get(owner, name);
            if (cluster.status() != last) {
                last = cluster.status();
                out.printf("  %5.1f s  status %s%n", seconds(start), last.apiName());
            }
            if (last == ClusterStatus.CREATED) {
                return cluster;
            }
            if (last == ClusterStatus.ERROR) {
                throw new IllegalStateException("cluster " + name + " failed: " + cluster.services().get(0).alerts());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("cluster " + name + " not ready after " + PATIENCE);
    }

    private void awaitGone(Aapf aapf, UserId owner, String name) throws InterruptedException {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(PATIENCE) < 0) {
            try {
                aapf.clusters().get().get(owner, name);
            } catch (AapfException e) {
                if (e.reason() == ErrorReason.NOT_FOUND) {
                    out.printf("  %5.1f s  gone%n", seconds(start));
                    return;
                }
                throw e;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("cluster " + name + " still there after " + PATIENCE);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
