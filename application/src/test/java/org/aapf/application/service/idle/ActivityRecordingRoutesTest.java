package org.aapf.application.service.idle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.junit.jupiter.api.Test;

/** Only requests the proxy forwards to a notebook count as that notebook's activity. */
class ActivityRecordingRoutesTest {

    private final List<String> recorded = new ArrayList<>();
    private final ResolveNotebookRouteQuery routes = new ResolveNotebookRouteQuery() {
        @Override
        public NotebookRoute resolve(String proxyId) {
            return proxyId.equals("ready") ? new Ready("127.0.0.1", 8888) : new Stopped("stopped");
        }

        @Override
        public Optional<Ready> remembered(String proxyId) {
            return proxyId.equals("ready") ? Optional.of(new Ready("127.0.0.1", 8888)) : Optional.empty();
        }
    };
    private final ActivityRecordingRoutes recording = new ActivityRecordingRoutes(routes, recorded::add);

    @Test
    void forwardedRequestsAreRecorded_refusedOnesAreNot() {
        assertEquals(new ResolveNotebookRouteQuery.Ready("127.0.0.1", 8888), recording.resolve("ready"));
        assertEquals(new ResolveNotebookRouteQuery.Stopped("stopped"), recording.resolve("parked"));
        recording.remembered("ready");
        recording.remembered("unknown");

        assertEquals(List.of("ready", "ready"), recorded);
    }
}
