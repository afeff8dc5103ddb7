package org.aapf.adapter.in.http;

import java.util.List;
import java.util.Optional;
import jakarta.inject.Inject;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.ClusterEventView;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.port.in.DeleteClusterUseCase;
import org.aapf.application.port.in.DeleteClusterUseCase.DeleteClusterCommand;
import org.aapf.application.port.in.GetClusterQuery;
import org.aapf.application.port.in.ListClusterEventsQuery;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase;
import org.aapf.application.port.in.StartClusterUseCase;
import org.aapf.application.port.in.StartClusterUseCase.StartClusterCommand;
import org.aapf.application.port.in.StopClusterUseCase;
import org.aapf.application.port.in.StopClusterUseCase.StopClusterCommand;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase.ResizeSparkWorkersCommand;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;

/**
 * The caller's AAClusters: list, read, create, resize the Spark workers, stop, start and delete (accepted with 202 and
 * carried out by the reconciler), and each cluster's event history. Another user's cluster is answered exactly like a missing one (404).
 */
public final class ClustersHttpService implements HttpService {

    private static final String SLASH_IN_NAME = "'nameOfAACluster' must not contain '/'";

    private final GetClusterQuery getQuery;
    private final CreateClusterUseCase createUseCase;
    private final DeleteClusterUseCase deleteUseCase;
    private final ResizeSparkWorkersUseCase resizeUseCase;
    private final StopClusterUseCase stopUseCase;
    private final StartClusterUseCase startUseCase;
    private final ListClusterEventsQuery eventsQuery;
    private final Timestamps timestamps;
    private final ClusterJson json;
    private final AnsweredLists lists;

    @Inject
    public ClustersHttpService(ListClustersQuery listQuery, GetClusterQuery getQuery, CreateClusterUseCase createUseCase,
            DeleteClusterUseCase deleteUseCase, ResizeSparkWorkersUseCase resizeUseCase, StopClusterUseCase stopUseCase,
            StartClusterUseCase startUseCase, ListClusterEventsQuery eventsQuery, HttpSettings settings) {
        this.getQuery = getQuery;
        this.createUseCase = createUseCase;
        this.deleteUseCase = deleteUseCase;
        this.resizeUseCase = resizeUseCase;
        this.stopUseCase = stopUseCase;
        this.startUseCase = startUseCase;
        this.eventsQuery = eventsQuery;
        this.timestamps = new Timestamps(settings.zone());
        this.json = new ClusterJson(timestamps);
        this.lists = new AnsweredLists(listQuery, json);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/aaclusters/*", ClustersHttpService::refuseEncodedSlash);
        Endpoints.on(rules)
                .get("/aaclusters", this::list)
                .get("/aaclusters/{name}", this::get)
                .post("/aaclusters/{name}", this::create)
                .patch("/aaclusters/{name}", this::resize)
                .delete("/aaclusters/{name}", this::delete)
                .post("/aaclusters/{name}/stop", this::stop)
                .post("/aaclusters/{name}/start", this::start)
                .get("/aaclusters/{name}/events", this::events)
                .otherMethodsNotAllowed();
    }

    private void list(ServerRequest req, ServerResponse res) {
        Json.send(res, lists.body(Caller.of(req)));
    }

    /** From the caller's kept list while it is current; a name it lacks is asked of the query, which answers 404. */
    private void get(ServerRequest req, ServerResponse res) {
        String name = clusterName(req);
        AuthenticatedUser caller = Caller.of(req);
        Json.send(res, lists.one(caller, name).orElseGet(() -> json.one(getQuery.get(caller.id(), name))));
    }

    private void create(ServerRequest req, ServerResponse res) {
        String name = clusterName(req);
        CreateRequest body = Json.readStrict(req, CreateRequest.class);
        createUseCase.create(body.toCommand(Caller.of(req).id(), name));
        Json.send(res, Status.ACCEPTED_202, new Message("Accepted creating AACluster named '" + name + "'."));
    }

    private void resize(ServerRequest req, ServerResponse res) {
        String name = clusterName(req);
        int count = Json.readStrict(req, ResizeRequest.class).count();
        resizeUseCase.resize(new ResizeSparkWorkersCommand(Caller.of(req).id(), name, count));
        Json.send(res, Status.ACCEPTED_202, new Message("Accepted resizing the Spark workers of AACluster named '"
                + name + "' to " + count + "."));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String name = clusterName(req);
        deleteUseCase.delete(new DeleteClusterCommand(Caller.of(req).id(), name));
        Json.send(res, Status.ACCEPTED_202, new Message("Accepted deleting AACluster named '" + name + "'."));
    }

    private void stop(ServerRequest req, ServerResponse res) {
        String name = clusterName(req);
        stopUseCase.stop(new StopClusterCommand(Caller.of(req).id(), name));
        Json.send(res, Status.ACCEPTED_202, new Message("Accepted stopping AACluster named '" + name + "'."));
    }

    private void start(ServerRequest req, ServerResponse res) {
        String name = clusterName(req);
        startUseCase.start(new StartClusterCommand(Caller.of(req).id(), name));
        Json.send(res, Status.ACCEPTED_202, new Message("Accepted starting AACluster named '" + name + "'."));
    }

    private void events(ServerRequest req, ServerResponse res) {
        String name = clusterName(req);
        List<ClusterEventView> events = eventsQuery.list(Caller.of(req).id(), name);
        Json.send(res, new EventList(events.stream().map(it -> EventBody.from(it, timestamps)).toList()));
    }

    /**
     * Helidon hands path parameters over percent-decoded; the name is checked here too, so a bad name is a 400
     * whatever the use case behind it does.
     */
    private static String clusterName(ServerRequest req) {
        return new ClusterName(req.path().pathParameters().get("name")).value();
    }

    /**
     * Helidon decodes {@code %2F} before routing, so a name with a slash would land on no route, or on another one
     * ({@code a%2Fevents}): this first route answers it with the 400 any other bad name gets.
     */
    private static void refuseEncodedSlash(ServerRequest req, ServerResponse res) {
        if (hasEncodedSlash(req.path().absolute().rawPath())) {
            throw AapfException.invalid(SLASH_IN_NAME);
        }
        res.next();
    }

    private static boolean hasEncodedSlash(String rawPath) {
        for (int at = rawPath.indexOf('%'); at >= 0; at = rawPath.indexOf('%', at + 1)) {
            if (rawPath.regionMatches(true, at, "%2F", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body of {@code POST /aaclusters/{name}}; the use case checks the services' fields. Required fields are
     * checked after reading, not in the constructor, so that an unknown field is reported first (Jackson builds a
     * record before it reports unknown fields).
     */
    record CreateRequest(RequestedService jupyterNotebook, RequestedService sparkMaster,
            RequestedService sparkWorker) {

        CreateClusterCommand toCommand(UserId owner, String name) {
            Json.required("jupyterNotebook", jupyterNotebook);
            return new CreateClusterCommand(owner, name, Optional.of(jupyterNotebook.toRequest()),
                    Optional.ofNullable(sparkMaster).map(RequestedService::toRequest),
                    Optional.ofNullable(sparkWorker).map(RequestedService::toRequest));
        }
    }

    /** {@code {image: {repositoryName}, perfType, numberOfInstances}}; any field may be missing here. */
    record RequestedService(ImageReference image, String perfType, Integer numberOfInstances) {

        ServiceRequest toRequest() {
            return new ServiceRequest(image == null ? null : image.repositoryName(), perfType,
                    Optional.ofNullable(numberOfInstances));
        }
    }

    record ImageReference(String repositoryName) {
    }

    /** The body of {@code PATCH /aaclusters/{name}}: {@code {sparkWorker: {numberOfInstances}}}. */
    record ResizeRequest(WorkerCount sparkWorker) {

        int count() {
            return Json.required("sparkWorker.numberOfInstances",
                    Json.required("sparkWorker", sparkWorker).numberOfInstances());
        }
    }

    record WorkerCount(Integer numberOfInstances) {
    }

    record EventList(List<EventBody> events) {
    }

    record EventBody(String at, String type, String message) {

        static EventBody from(ClusterEventView event, Timestamps timestamps) {
            return new EventBody(timestamps.format(event.at()), event.type().apiName(), event.message());
        }
    }
}
