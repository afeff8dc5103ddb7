package org.aapf.application.service.idle;

import java.util.Optional;
import org.aapf.application.port.in.RecordNotebookActivity;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;

/**
 * The notebook routes the proxy asks for every request and every WebSocket it opens, noting each one that is
 * forwarded as notebook activity: the proxy records activity without knowing about it.
 */
public final class ActivityRecordingRoutes implements ResolveNotebookRouteQuery {

    private final ResolveNotebookRouteQuery routes;
    private final RecordNotebookActivity activity;

    public ActivityRecordingRoutes(ResolveNotebookRouteQuery routes, RecordNotebookActivity activity) {
        this.routes = routes;
        this.activity = activity;
    }

    @Override
    public NotebookRoute resolve(String proxyId) {
        NotebookRoute route = routes.resolve(proxyId);
        if (route instanceof Ready) {
            activity.record(proxyId);
        }
        return route;
    }

    @Override
    public Optional<Ready> remembered(String proxyId) {
        Optional<Ready> route = routes.remembered(proxyId);
        if (route.isPresent()) {
            activity.record(proxyId);
        }
        return route;
    }
}
