package org.aapf.bootstrap.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.Workspace;
import org.aapf.bootstrap.config.AapfConfig;
import org.aapf.bootstrap.config.ConfigException;
import org.aapf.bootstrap.config.ConfiguredAapf;
import org.aapf.domain.error.ErrorReason;
import org.aapf.embedded.wiring.AapfComponent;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.Image;
import org.aapf.domain.error.AapfException;
import org.aapf.embedded.Aapf;

/**
 * Examines what a server with this configuration depends on: the database, the catalogue, the cluster backend and
 * every catalogue image on it. Each check runs even when an earlier one failed, as far as it can.
 */
public final class Doctor {

    /** Names the backend's objects while checking, so no database is needed to learn the real server id. */
    private static final String DOCTOR_SERVER_ID = "aapf-doctor";

    private final AapfConfig config;
    private final AapfConfig asConfigured;
    private Optional<Database> opened = Optional.empty();

    public Doctor(AapfConfig config) {
        this.asConfigured = config;
        this.config = config.serverId().isEmpty() ? config.withServerId(DOCTOR_SERVER_ID) : config;
    }

    /** Runs every check; never throws for what it checks. */
    public List<Finding> examine() {
        AapfComponent component = ConfiguredAapf.builder(config, System.getenv()).build().component();
        List<Finding> findings = new ArrayList<>();
        findings.add(database(component));
        Optional<Catalogue> catalogue = catalogue(component, findings);
        Optional<ClusterBackend> backend = backend(component, findings);
        catalogue.ifPresent(images -> images.images().forEach(image -> findings.add(image(image, backend))));
        catalogue.ifPresent(current -> findings.add(pools(component, current)));
        boolean reachable = backend.isPresent() && opened.isPresent();
        close(backend);
        findings.add(reachable ? orphanWorkspaces() : Finding.skipped("workspaces",
                "needs a reachable database and backend"));
        return findings;
    }

    /**
     * Orphan workspaces are not a problem to fix (a restored database may want them back): listed, never failed. They
     * are looked up under the server id the server really uses, which lives in the database unless configured.
     */
    private Finding orphanWorkspaces() {
        try (Aapf aapf = ConfiguredAapf.builder(asConfigured, System.getenv()).build()) {
            List<Workspace> orphans = aapf.component().orphanWorkspaces().listOrphans();
            if (orphans.isEmpty()) {
                return Finding.ok("workspaces", "no workspace without its AACluster");
            }
            String lines = orphans.stream().map(orphan -> System.lineSeparator() + "      " + WorkspaceLines.line(orphan))
                    .collect(Collectors.joining());
            return Finding.ok("workspaces", orphans.size() + " without their AACluster (kept; remove them with"
                    + " 'aapf workspaces prune --older-than P7D'):" + lines);
        } catch (AapfException e) {
            return Finding.skipped("workspaces", "cannot be listed: " + e.getMessage());
        }
    }

    private Finding pools(AapfComponent component, Catalogue catalogue) {
        if (opened.isEmpty()) {
            return Finding.skipped("pools", "needs a reachable database");
        }
        try {
            return PoolFinding.of(catalogue, component.warmInstances().listAll(),
                    component.backend().copiesWorkspaces());
        } catch (RuntimeException e) {
            return Finding.skipped("pools", "cannot be listed: " + rootCause(e));
        }
    }

    private Finding database(AapfComponent component) {
        try {
            Database database = component.database();
            opened = Optional.of(database);
            int pending = database.pendingMigrations();
            return pending == 0
                    ? Finding.ok("database", database.describe() + " reachable, schema up to date")
                    : Finding.fail("database", pending + " migrations not applied", "start 'aapf serve' once");
        } catch (AapfException e) {
            if (e.reason() == ErrorReason.UNAVAILABLE) {
                return Finding.fail("database", "cannot connect: " + e.getMessage(), "check that it runs and "
                        + "'database.url' (AAPF_DB_URL), 'database.user' (AAPF_DB_USER) and 'database.password'"
                        + " (AAPF_DB_PASSWORD)");
            }
            return Finding.fail("database", e.getMessage(), "see the server log of the failed migration and fix the "
                    + "database, or restore it from a backup");
        }
    }

    private static Optional<Catalogue> catalogue(AapfComponent component, List<Finding> findings) {
        try {
            Catalogue catalogue = component.catalogueSource().current();
            findings.add(Finding.ok("catalogue", catalogue.images().size() + " images, " + catalogue.perfTypes().size()
                    + " performance types"));
            return Optional.of(catalogue);
        } catch (ConfigException e) {
            findings.add(Finding.fail("catalogue", "invalid", e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<ClusterBackend> backend(AapfComponent component, List<Finding> findings) {
        BackendHints hints = BackendHints.of(config);
        ClusterBackend backend;
        try {
            backend = component.backend();
        } catch (ConfigException e) {
            findings.add(Finding.fail("backend", "not usable", e.getMessage()));
            return Optional.empty();
        }
        try {
            int owned = backend.observe().size();
            findings.add(Finding.ok("backend", hints.where() + " reachable, listing allowed (" + owned
                    + " instances of this server id)"));
            return Optional.of(backend);
        } catch (AapfException e) {
            findings.add(Finding.fail("backend", hints.where() + " cannot be reached (" + rootCause(e) + ")",
                    hints.unreachableFix()));
            closeQuietly(backend);
            return Optional.empty();
        }
    }

    private static Finding image(Image image, Optional<ClusterBackend> backend) {
        String subject = "image " + image.repositoryName() + " (" + image.reference() + ")";
        if (backend.isEmpty()) {
            return Finding.skipped(subject, "needs a reachable backend");
        }
        try {
            return backend.get().imageProblem(image.reference())
                    .map(problem -> Finding.fail(subject, "cannot start", problem))
                    .orElseGet(() -> Finding.ok(subject, "available"));
        } catch (AapfException e) {
            return Finding.fail(subject, "cannot be checked: " + e.getMessage(), "see the backend check");
        }
    }

    private void close(Optional<ClusterBackend> backend) {
        backend.ifPresent(Doctor::closeQuietly);
        opened.ifPresent(Database::close);
    }

    private static void closeQuietly(ClusterBackend backend) {
        if (backend instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing left to check
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("");
    }
}
