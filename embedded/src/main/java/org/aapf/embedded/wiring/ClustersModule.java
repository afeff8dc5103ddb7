package org.aapf.embedded.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.in.DeleteClusterUseCase;
import org.aapf.application.port.in.GetClusterQuery;
import org.aapf.application.port.in.ListClusterEventsQuery;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.in.ListImagesQuery;
import org.aapf.application.port.in.ListPerfTypesQuery;
import org.aapf.application.port.in.ListOrphanWorkspacesQuery;
import org.aapf.application.port.in.PruneOrphanWorkspacesUseCase;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase;
import org.aapf.application.port.in.StartClusterUseCase;
import org.aapf.application.port.in.StopClusterUseCase;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.adapter.out.spark.HttpSparkMasterMonitor;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.service.catalogue.ListImagesService;
import org.aapf.application.service.catalogue.ListPerfTypesService;
import org.aapf.application.port.in.AdminListClustersQuery;
import org.aapf.application.port.in.DeleteAnyClusterUseCase;
import org.aapf.application.port.in.GetUsageQuery;
import org.aapf.application.port.in.StopAnyClusterUseCase;
import org.aapf.application.service.cluster.AdminListClustersService;
import org.aapf.application.service.cluster.AnyClusterService;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.quota.DefaultLimits;
import org.aapf.application.service.quota.GetUsageService;
import org.aapf.application.service.cluster.CreateClusterService;
import org.aapf.application.service.cluster.DeleteClusterService;
import org.aapf.application.service.cluster.GetClusterService;
import org.aapf.application.service.cluster.ListClusterEventsService;
import org.aapf.application.service.cluster.ListClustersService;
import org.aapf.application.service.reconcile.AnnouncingTrigger;
import org.aapf.application.service.reconcile.ReconcileTrigger;
import org.aapf.application.service.reconcile.ReconcilerSettings;
import org.aapf.application.service.cluster.ListOrphanWorkspacesService;
import org.aapf.application.service.cluster.PruneOrphanWorkspacesService;
import org.aapf.application.service.cluster.ResizeSparkWorkersService;
import org.aapf.application.service.cluster.StartClusterService;
import org.aapf.application.service.cluster.StopClusterService;
import org.aapf.application.service.cluster.ResolveNotebookRouteService;
import org.aapf.application.service.idle.ActivityRecordingRoutes;
import org.aapf.application.service.idle.NotebookActivityTracker;

/** The cluster and catalogue use cases, the reconciler, and the catalogue they read. */
@Module
interface ClustersModule {

    @Provides
    @Singleton
    static CatalogueSource catalogue(CoreSettings settings) {
        return settings.catalogue();
    }

    @Provides
    static ClusterLimits clusterLimits(CoreSettings settings) {
        return settings.clusterLimits();
    }

    @Provides
    static DefaultLimits userLimits(CoreSettings settings) {
        return settings.userLimits();
    }

    @Binds
    AdminListClustersQuery adminClusters(AdminListClustersService service);

    @Binds
    StopAnyClusterUseCase stopAny(AnyClusterService service);

    @Binds
    DeleteAnyClusterUseCase deleteAny(AnyClusterService service);

    @Binds
    GetUsageQuery usage(GetUsageService service);

    /** Asked by the reconciler whether Spark workers registered; reads the master's web UI, whatever the backend. */
    @Provides
    static SparkMasterMonitor sparkMasters() {
        return new HttpSparkMasterMonitor(Duration.ofSeconds(2));
    }

    @Provides
    static ReconcilerSettings reconcilerSettings(CoreSettings settings) {
        return settings.reconciler();
    }

    @Binds
    ReconcileTrigger reconcileTrigger(AnnouncingTrigger trigger);

    @Binds
    CreateClusterUseCase create(CreateClusterService service);

    @Binds
    DeleteClusterUseCase delete(DeleteClusterService service);

    @Binds
    ResizeSparkWorkersUseCase resize(ResizeSparkWorkersService service);

    @Binds
    StopClusterUseCase stop(StopClusterService service);

    @Binds
    ListOrphanWorkspacesQuery orphanWorkspaces(ListOrphanWorkspacesService service);

    @Binds
    PruneOrphanWorkspacesUseCase pruneOrphanWorkspaces(PruneOrphanWorkspacesService service);

    @Binds
    StartClusterUseCase start(StartClusterService service);

    @Binds
    ListClustersQuery list(ListClustersService service);

    @Binds
    GetClusterQuery get(GetClusterService service);

    @Binds
    ListClusterEventsQuery events(ListClusterEventsService service);

    @Binds
    ListImagesQuery images(ListImagesService service);

    @Binds
    ListPerfTypesQuery perfTypes(ListPerfTypesService service);

    /** Every request the proxy forwards to a notebook counts as its activity for the idle shutdown. */
    @Provides
    static ResolveNotebookRouteQuery notebookRoutes(ResolveNotebookRouteService service,
            NotebookActivityTracker activity) {
        return new ActivityRecordingRoutes(service, activity);
    }
}
