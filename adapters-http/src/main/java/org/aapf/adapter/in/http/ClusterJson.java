package org.aapf.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.aapf.application.port.in.ClusterView;

/**
 * Writes the bodies of {@code GET /aaclusters} and {@code GET /aaclusters/{name}}. A cluster's JSON is a function of
 * its {@link ClusterView} (a value: equal views write equal JSON), so the JSON of views seen lately is kept under the
 * view and reused while the cluster does not change; a list is then the kept pieces joined into one array of exactly
 * its size. Building the response records and running Jackson over them for every cluster of every list was most of
 * what a list request allocated. Freshness is untouched: the view is read from the database on every request.
 */
final class ClusterJson {

    /** Enough for the clusters a server's users read at once; an entry costs a few kilobytes. */
    private static final int CLUSTERS = 2_048;

    private static final byte[] ONE_PREFIX = ascii("{\"aacluster\":");
    private static final byte[] LIST_PREFIX = ascii("{\"aaclusters\":[");
    private static final byte[] LIST_SUFFIX = ascii("]}");
    private static final byte COMMA = ',';
    private static final byte CLOSE = '}';

    private final Timestamps timestamps;
    private final Cache<ClusterView, byte[]> written = Caffeine.newBuilder()
            .maximumSize(CLUSTERS)
            .executor(Runnable::run)
            .build();

    ClusterJson(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    /** {@code {"aacluster": {...}}}. */
    byte[] one(ClusterView cluster) {
        byte[] body = json(cluster);
        byte[] out = new byte[ONE_PREFIX.length + body.length + 1];
        System.arraycopy(ONE_PREFIX, 0, out, 0, ONE_PREFIX.length);
        System.arraycopy(body, 0, out, ONE_PREFIX.length, body.length);
        out[out.length - 1] = CLOSE;
        return out;
    }

    /** {@code {"aaclusters": [{...}, ...]}}, in the given order. */
    byte[] list(List<ClusterView> clusters) {
        byte[][] bodies = new byte[clusters.size()][];
        int size = LIST_PREFIX.length + LIST_SUFFIX.length + Math.max(0, clusters.size() - 1);
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = json(clusters.get(i));
            size += bodies[i].length;
        }
        byte[] out = new byte[size];
        System.arraycopy(LIST_PREFIX, 0, out, 0, LIST_PREFIX.length);
        int at = LIST_PREFIX.length;
        for (int i = 0; i < bodies.length; i++) {
            if (i > 0) {
                out[at++] = COMMA;
            }
            System.arraycopy(bodies[i], 0, out, at, bodies[i].length);
            at += bodies[i].length;
        }
        System.arraycopy(LIST_SUFFIX, 0, out, at, LIST_SUFFIX.length);
        return out;
    }

    /** The JSON object of one cluster: kept, or written now (and kept). */
    private byte[] json(ClusterView cluster) {
        return written.get(cluster, this::write);
    }

    private byte[] write(ClusterView cluster) {
        try {
            return Json.MAPPER.writeValueAsBytes(ClusterBody.from(cluster, timestamps));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an AACluster as JSON", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
