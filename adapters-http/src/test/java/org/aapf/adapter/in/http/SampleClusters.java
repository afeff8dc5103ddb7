package org.aapf.adapter.in.http;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.InstanceView;
import org.aapf.application.port.in.PerfTypeView;
import org.aapf.application.port.in.ServiceView;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.user.UserId;

/** Cluster views for the HTTP tests, starting with the one the reference shows. */
final class SampleClusters {

    static final UserId OTHER_USER = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000099"));
    static final PerfTypeView FIXED_SMALL = new PerfTypeView("fixed-instance-small", "Fixed Instance(small)", 0.5, 1024,
            Optional.empty());

    /** Written in Asia/Tokyo, this is the reference's {@code sample} cluster to the microsecond. */
    static final String REFERENCE_SAMPLE_JSON = """
            {"name": "sample", "status": "created",
             "services": [
               {"name": "jupyter-notebook", "numberOfInstances": 1,
                "instances": [{"index": 1, "status": "ready", "health": null,
                               "createdAt": "2017-08-01T01:55:59.474387+09:00",
                               "updatedAt": "2017-08-01T01:56:36.358779+09:00",
                               "urlPath": "/proxy/abcdefg123/jupyter",
                               "jupyterToken": "c6db3a7b715b04402b6a241faa6cf16274403bf50a7bbf91"}],
                "image": {"repositoryName": "aa_jupyter_notebook", "displayName": "Jupyter Notebook",
                          "description": "Standard Jupyter Notebook image provided by AAPF."},
                "perfType": {"name": "fixed-instance-small", "displayName": "Fixed Instance(small)",
                             "resources": {"cpu": 0.5, "memory": 1024, "nvidia.com/gpu": null}},
                "alerts": []},
               {"name": "spark-master", "numberOfInstances": 0, "instances": [], "image": {}, "perfType": {},
                "alerts": []},
               {"name": "spark-worker", "numberOfInstances": 0, "instances": [], "image": {}, "perfType": {},
                "alerts": []}],
             "createdAt": "2017-08-01T01:57:02.401372+09:00"}""";

    private SampleClusters() {
    }

    static ClusterView referenceSample() {
        InstanceView notebook = new InstanceView(1, InstanceStatus.READY, Optional.empty(),
                Instant.parse("2017-07-31T16:55:59.474387Z"), Instant.parse("2017-07-31T16:56:36.358779Z"),
                Optional.of(InMemoryClusters.URL_PATH), Optional.of(InMemoryClusters.JUPYTER_TOKEN));
        ServiceView service = new ServiceView(ServiceKind.JUPYTER_NOTEBOOK, 1, List.of(notebook),
                Optional.of(FakeCatalogue.NOTEBOOK), Optional.of(FIXED_SMALL), List.of());
        return new ClusterView("sample", ClusterStatus.CREATED, List.of(service,
                ServiceView.notRequested(ServiceKind.SPARK_MASTER), ServiceView.notRequested(ServiceKind.SPARK_WORKER)),
                Instant.parse("2017-07-31T16:57:02.401372Z"));
    }

    /** A cluster in error: healthy notebook on a GPU type, a Spark master, and two workers of which one failed. */
    static ClusterView withSparkAndAlerts(String name) {
        Instant t = Instant.parse("2026-11-26T23:30:00.5Z");
        InstanceView notebook = new InstanceView(1, InstanceStatus.READY, Optional.of(Health.HEALTHY), t, t,
                Optional.of(InMemoryClusters.URL_PATH), Optional.of(InMemoryClusters.JUPYTER_TOKEN));
        InstanceView master = new InstanceView(1, InstanceStatus.STARTING, Optional.of(Health.UNHEALTHY), t, t,
                Optional.empty(), Optional.empty());
        InstanceView worker1 = new InstanceView(1, InstanceStatus.READY, Optional.empty(), t, t, Optional.empty(),
                Optional.empty());
        InstanceView worker2 = new InstanceView(2, InstanceStatus.FAILED, Optional.empty(), t, t, Optional.empty(),
                Optional.empty());
        Alert oom = new Alert(Alert.Level.ERROR, "OOMKilled", "Instance 2 ran out of memory.", t);
        Alert slow = new Alert(Alert.Level.WARNING, "ImagePullSlow", "Pulling the image takes long.", t);
        return new ClusterView(name, ClusterStatus.ERROR, List.of(
                new ServiceView(ServiceKind.JUPYTER_NOTEBOOK, 1, List.of(notebook), Optional.of(FakeCatalogue.NOTEBOOK),
                        Optional.of(FakeCatalogue.GPU), List.of()),
                new ServiceView(ServiceKind.SPARK_MASTER, 1, List.of(master), Optional.of(FakeCatalogue.SPARK),
                        Optional.of(FakeCatalogue.SMALL), List.of(slow)),
                new ServiceView(ServiceKind.SPARK_WORKER, 2, List.of(worker1, worker2), Optional.of(FakeCatalogue.SPARK),
                        Optional.of(FakeCatalogue.SMALL), List.of(oom))),
                t);
    }
}
