package org.aapf.adapter.in.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.aapf.application.port.in.AdminListClustersQuery;
import org.aapf.application.port.in.AdminListClustersQuery.ClusterPage;
import org.aapf.application.port.in.AdminListClustersQuery.ClusterPageRequest;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.DeleteAnyClusterUseCase;
import org.aapf.application.port.in.ImageView;
import org.aapf.application.port.in.PerfTypeView;
import org.aapf.application.port.in.ServiceView;
import org.aapf.application.port.in.ListUserUsageQuery;
import org.aapf.application.port.in.RequireAdminQuery;
import org.aapf.application.port.in.SetAdminUseCase;
import org.aapf.application.port.in.SetUserLimitsUseCase;
import org.aapf.application.port.in.StopAnyClusterUseCase;
import org.aapf.application.port.in.UserUsageView;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.error.AapfException;

/**
 * What only admins may do: every account with its limits and use, set a user's limits or admin rights, every user's
 * AAClusters page by page, stop or delete any of them. Everyone else gets 403 on every path here.
 */
public final class AdminHttpService implements HttpService {

    static final int DEFAULT_PAGE = 100;
    private static final String STATUSES = Arrays.stream(ClusterStatus.values()).map(ClusterStatus::apiName)
            .collect(Collectors.joining(", "));

    private final RequireAdminQuery admins;
    private final ListUserUsageQuery usersQuery;
    private final SetUserLimitsUseCase setLimits;
    private final SetAdminUseCase setAdmin;
    private final AdminListClustersQuery clustersQuery;
    private final StopAnyClusterUseCase stop;
    private final DeleteAnyClusterUseCase delete;
    private final Timestamps timestamps;

    @Inject
    public AdminHttpService(RequireAdminQuery admins, ListUserUsageQuery usersQuery, SetUserLimitsUseCase setLimits,
            SetAdminUseCase setAdmin, AdminListClustersQuery clustersQuery, StopAnyClusterUseCase stop,
            DeleteAnyClusterUseCase delete, HttpSettings settings) {
        this.admins = admins;
        this.usersQuery = usersQuery;
        this.setLimits = setLimits;
        this.setAdmin = setAdmin;
        this.clustersQuery = clustersQuery;
        this.stop = stop;
        this.delete = delete;
        this.timestamps = new Timestamps(settings.zone());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/admin/users", this::requireAdmin)
                .any("/admin/users/*", this::requireAdmin)
                .any("/admin/aaclusters", this::requireAdmin)
                .any("/admin/aaclusters/*", this::requireAdmin);
        Endpoints.on(rules)
                .get("/admin/users", this::users)
                .put("/admin/users/{username}/limits", this::putLimits)
                .put("/admin/users/{username}/admin", this::putAdmin)
                .get("/admin/aaclusters", this::clusters)
                .post("/admin/aaclusters/{owner}/{name}/stop", this::stopCluster)
                .delete("/admin/aaclusters/{owner}/{name}", this::deleteCluster)
                .otherMethodsNotAllowed();
    }

    private void requireAdmin(ServerRequest req, ServerResponse res) {
        admins.requireAdmin(Caller.of(req).id());
        res.next();
    }

    private void users(ServerRequest req, ServerResponse res) {
        Json.send(res, new UserList(usersQuery.list().stream().map(user -> UserBody.from(user, timestamps)).toList()));
    }

    private void putLimits(ServerRequest req, ServerResponse res) {
        LimitsBody body = Json.readStrict(req, LimitsBody.class);
        Json.send(res, UsageBody.from(setLimits.setLimits(req.path().pathParameters().get("username"),
                body.toLimits())));
    }

    private void putAdmin(ServerRequest req, ServerResponse res) {
        boolean admin = Json.required("admin", Json.readStrict(req, AdminFlag.class).admin());
        var user = setAdmin.setAdmin(Caller.of(req).id(), req.path().pathParameters().get("username"), admin);
        Json.send(res, new AdminFlagResult(user.username(), user.admin()));
    }

    private void clusters(ServerRequest req, ServerResponse res) {
        QueryParameters query = QueryParameters.of(req, "owner", "status", "limit", "cursor");
        Optional<ClusterStatus> status = query.value("status").map(name -> ClusterStatus.fromApiName(name)
                .orElseThrow(() -> AapfException.invalid("'status' must be one of " + STATUSES)));
        ClusterPage page = clustersQuery.list(new ClusterPageRequest(query.value("owner"), status,
                query.value("cursor"), query.limit(DEFAULT_PAGE, ClusterPageRequest.MAX_LIMIT)));
        Json.send(res, new OwnedClusterList(page.clusters().stream()
                .map(owned -> OwnedClusterBody.from(owned.owner(), owned.cluster(), timestamps))
                .toList(), page.nextCursor().orElse(null)));
    }

    private void stopCluster(ServerRequest req, ServerResponse res) {
        String owner = req.path().pathParameters().get("owner");
        String name = new ClusterName(req.path().pathParameters().get("name")).value();
        stop.stop(owner, name);
        Json.send(res, Status.ACCEPTED_202, new Message("Accepted stopping AACluster named '" + name + "' of user '"
                + owner + "'."));
    }

    private void deleteCluster(ServerRequest req, ServerResponse res) {
        String owner = req.path().pathParameters().get("owner");
        String name = new ClusterName(req.path().pathParameters().get("name")).value();
        delete.delete(owner, name);
        Json.send(res, Status.ACCEPTED_202, new Message("Accepted deleting AACluster named '" + name + "' of user '"
                + owner + "'."));
    }

    /** {@code signOn}: {@code "oidc"} or {@code "password"}; {@code limits} and {@code usage} as {@code GET /usage}. */
    record UserBody(String username, boolean admin, String signOn, String createdAt, LimitsBody limits,
            UsageBody.Amounts usage) {

        static UserBody from(UserUsageView view, Timestamps timestamps) {
            UsageBody usage = UsageBody.from(view.usage());
            return new UserBody(view.user().username(), view.user().admin(),
                    view.user().singleSignOn() ? "oidc" : "password", timestamps.format(view.user().createdAt()),
                    usage.limits(), usage.usage());
        }
    }

    record UserList(List<UserBody> users) {
    }

    record AdminFlag(Boolean admin) {
    }

    record AdminFlagResult(String username, boolean admin) {
    }

    /**
     * A cluster with its owner first: {@code {owner, name, status, createdAt, services}}, each requested service
     * summed up. Notebook addresses and tokens stay with the owner: an admin stops or deletes, and does not open.
     */
    record OwnedClusterBody(String owner, String name, String status, String createdAt,
            List<ServiceSummary> services) {

        static OwnedClusterBody from(String owner, ClusterView cluster, Timestamps timestamps) {
            return new OwnedClusterBody(owner, cluster.name(), cluster.status().apiName(),
                    timestamps.format(cluster.createdAt()), cluster.services().stream()
                            .filter(service -> service.image().isPresent())
                            .map(ServiceSummary::from)
                            .toList());
        }
    }

    /** {@code {name, numberOfInstances, image, perfType, instanceStatuses}}; a removed perf type is {@code null}. */
    record ServiceSummary(String name, int numberOfInstances, String image, String perfType,
            List<String> instanceStatuses) {

        static ServiceSummary from(ServiceView service) {
            return new ServiceSummary(service.kind().apiName(), service.numberOfInstances(),
                    service.image().map(ImageView::repositoryName).orElse(null),
                    service.perfType().map(PerfTypeView::name).orElse(null),
                    service.instances().stream().map(instance -> instance.status().apiName()).toList());
        }
    }

    /** @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page */
    record OwnedClusterList(List<OwnedClusterBody> aaclusters, String nextCursor) {
    }
}
