package org.aapf.adapter.in.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.aapf.application.port.in.ClusterEventView;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.in.DeleteClusterUseCase;
import org.aapf.application.port.in.GetClusterQuery;
import org.aapf.application.port.in.InstanceView;
import org.aapf.application.port.in.ListClusterEventsQuery;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase;
import org.aapf.application.port.in.StartClusterUseCase;
import org.aapf.application.port.in.StopClusterUseCase;
import org.aapf.application.port.in.ServiceView;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;

/**
 * AAClusters per owner, sorted by name, with the use cases' refusals and messages; tests may also {@link #put} any
 * cluster view directly. A created cluster gets a notebook instance at once; its Spark instances come later.
 */
final class InMemoryClusters implements ListClustersQuery, GetClusterQuery, CreateClusterUseCase, DeleteClusterUseCase,
        ResizeSparkWorkersUseCase, StopClusterUseCase, StartClusterUseCase, ListClusterEventsQuery {

    static final int MAX_WORKERS = 16;

    static final String URL_PATH = "/proxy/abcdefg123/jupyter";
    static final String JUPYTER_TOKEN = "c6db3a7b715b04402b6a241faa6cf16274403bf50a7bbf91";

    private record Stored(ClusterView view, List<ClusterEventView> events) {
    }

    private final FakeCatalogue catalogue;
    private final Map<UserId, TreeMap<String, Stored>> byOwner = new HashMap<>();
    volatile Instant now = Instant.parse("2026-11-26T23:30:00.123456Z");
    volatile CreateClusterCommand lastCreate;
    volatile ResizeSparkWorkersCommand lastResize;

    InMemoryClusters(FakeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    synchronized void put(UserId owner, ClusterView cluster, ClusterEventView... events) {
        clustersOf(owner).put(cluster.name(), new Stored(cluster, new ArrayList<>(List.of(events))));
    }

    /** {@inheritDoc} Here {@code known} is current when its views equal the stored ones (versions are not kept). */
    @Override
    public synchronized ClusterList list(UserId owner, OptionalLong listVersion, Optional<ClusterList> known) {
        List<ClusterView> views = clustersOf(owner).values().stream().map(Stored::view).toList();
        if (known.isPresent() && known.get().owner().equals(owner) && known.get().clusters().equals(views)) {
            return known.get();
        }
        return new ClusterList(owner, 0, Catalogue.empty(), views);
    }

    @Override
    public synchronized ClusterView get(UserId owner, String name) {
        return require(owner, name).view();
    }

    @Override
    public synchronized List<ClusterEventView> list(UserId owner, String name) {
        return List.copyOf(require(owner, name).events());
    }

    @Override
    public synchronized void create(CreateClusterCommand command) {
        lastCreate = command;
        String name = ClusterName.chosen(command.name()).value();
        ServiceRequest notebook = command.jupyterNotebook()
                .orElseThrow(() -> AapfException.invalid("'jupyterNotebook' is required"));
        ServiceView notebookService = requested("jupyterNotebook", ServiceKind.JUPYTER_NOTEBOOK, notebook,
                List.of(notebookInstance()));
        ServiceView master = command.sparkMaster().map(it -> requested("sparkMaster", ServiceKind.SPARK_MASTER, it, List.of()))
                .orElse(ServiceView.notRequested(ServiceKind.SPARK_MASTER));
        ServiceView worker = command.sparkWorker().map(it -> requested("sparkWorker", ServiceKind.SPARK_WORKER, it, List.of()))
                .orElse(ServiceView.notRequested(ServiceKind.SPARK_WORKER));
        if (clustersOf(command.owner()).containsKey(name)) {
            throw AapfException.invalid("AACluster named '" + name + "' already exists.");
        }
        put(command.owner(), new ClusterView(name, ClusterStatus.CREATING, List.of(notebookService, master, worker), now),
                new ClusterEventView(now, ClusterEvent.Type.REQUESTED, "AACluster requested."));
    }

    @Override
    public synchronized void delete(DeleteClusterCommand command) {
        Stored stored = require(command.owner(), command.name());
        ClusterView cluster = stored.view();
        stored.events().add(new ClusterEventView(now, ClusterEvent.Type.DELETING, "Deletion requested."));
        clustersOf(command.owner()).put(cluster.name(), new Stored(
                new ClusterView(cluster.name(), ClusterStatus.DELETING, cluster.services(), cluster.createdAt()),
                stored.events()));
    }

    @Override
    public synchronized void stop(StopClusterCommand command) {
        setStatus(command.owner(), command.name(), ClusterStatus.STOPPING, ClusterEvent.Type.STOPPING);
    }

    @Override
    public synchronized void start(StartClusterCommand command) {
        setStatus(command.owner(), command.name(), ClusterStatus.CREATING, ClusterEvent.Type.STARTING);
    }

    private void setStatus(UserId owner, String name, ClusterStatus status, ClusterEvent.Type type) {
        Stored stored = require(owner, name);
        ClusterView cluster = stored.view();
        if (cluster.status() == ClusterStatus.DELETING) {
            throw AapfException.invalid("AACluster '" + name + "' is being deleted and cannot be changed.");
        }
        stored.events().add(new ClusterEventView(now, type, type.apiName()));
        clustersOf(owner).put(cluster.name(), new Stored(
                new ClusterView(cluster.name(), status, cluster.services(), cluster.createdAt()), stored.events()));
    }

    @Override
    public synchronized void resize(ResizeSparkWorkersCommand command) {
        lastResize = command;
        if (command.numberOfInstances() < 1 || command.numberOfInstances() > MAX_WORKERS) {
            throw AapfException.invalid("'sparkWorker.numberOfInstances' must be between 1 and " + MAX_WORKERS);
        }
        ClusterView cluster = require(command.owner(), command.name()).view();
        if (cluster.services().get(1).numberOfInstances() == 0) {
            throw AapfException.invalid("AACluster '" + cluster.name() + "' has no 'sparkMaster' to add workers to.");
        }
    }

    private ServiceView requested(String field, ServiceKind kind, ServiceRequest request, List<InstanceView> instances) {
        if (request.imageRepositoryName() == null) {
            throw AapfException.invalid("'" + field + ".image.repositoryName' is required");
        }
        var image = catalogue.image(request.imageRepositoryName()).orElseThrow(
                () -> AapfException.invalid("Unknown image '" + request.imageRepositoryName() + "'."));
        var perfType = catalogue.perfType(request.perfTypeName()).orElseThrow(
                () -> AapfException.invalid("Unknown performance type '" + request.perfTypeName() + "'."));
        return new ServiceView(kind, request.numberOfInstances().orElse(1), instances, Optional.of(image),
                Optional.of(perfType), List.of());
    }

    private InstanceView notebookInstance() {
        return new InstanceView(1, InstanceStatus.CREATING, Optional.empty(), now, now, Optional.of(URL_PATH),
                Optional.of(JUPYTER_TOKEN));
    }

    private Stored require(UserId owner, String name) {
        Stored stored = clustersOf(owner).get(name);
        if (stored == null) {
            throw AapfException.notFound("AACluster named '" + name + "' was not found.");
        }
        return stored;
    }

    private TreeMap<String, Stored> clustersOf(UserId owner) {
        return byOwner.computeIfAbsent(owner, it -> new TreeMap<>());
    }
}
