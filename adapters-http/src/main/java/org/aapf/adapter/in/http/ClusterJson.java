package org.aapf.adapter.in.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.aapf.application.port.in.ClusterView;

/**
 * Writes the bodies of {@code GET /aaclusters} and {@code GET /aaclusters/{name}}. A cluster's JSON is a function of
 * its {@link ClusterView} (a value: equal views write equal JSON), so the JSON of views seen lately is kept under the
 * view and reused while the cluster does not change; a body is then the kept pieces written one after the other (and
 * a whole list's body is kept by {@link AnsweredLists} while the list is unchanged). Building the response records and running Jackson over them for every cluster of every list was most of what a list
 * request allocated. Freshness is untouched: the view is read from the database on every request.
 */
final class ClusterJson {

    /** Enough for the clusters a server's users read at once; an entry costs a few kilobytes. */
    private static final int CLUSTERS = 2_048;

    private static final byte[] ONE_PREFIX = ascii("{\"aacluster\":");
    private static final byte[] LIST_PREFIX = ascii("{\"aaclusters\":[");
    private static final byte[] LIST_SUFFIX = ascii("]}");
    private static final byte[] ONE_SUFFIX = ascii("}");
    private static final byte[] COMMA = ascii(",");

    private final Timestamps timestamps;
    private final Cache<ClusterView, byte[]> written = Caffeine.newBuilder()
            .maximumSize(CLUSTERS)
            .executor(Runnable::run)
            .build();

    ClusterJson(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    /** {@code {"aacluster": {...}}}. */
    Pieces one(ClusterView cluster) {
        return new Pieces(List.of(ONE_PREFIX, json(cluster), ONE_SUFFIX));
    }

    /** The body listing the clusters, in the given order, and the body of each alone, from the same pieces. */
    Bodies bodies(List<ClusterView> clusters) {
        List<byte[]> pieces = new ArrayList<>(2 * clusters.size() + 2);
        Map<String, Pieces> byName = HashMap.newHashMap(clusters.size());
        pieces.add(LIST_PREFIX);
        for (int i = 0; i < clusters.size(); i++) {
            if (i > 0) {
                pieces.add(COMMA);
            }
            byte[] cluster = json(clusters.get(i));
            pieces.add(cluster);
            byName.put(clusters.get(i).name(), new Pieces(List.of(ONE_PREFIX, cluster, ONE_SUFFIX)).whole());
        }
        pieces.add(LIST_SUFFIX);
        return new Bodies(new Pieces(pieces).forStreaming(), byName);
    }

    /**
     * The bodies written from one list of clusters.
     *
     * @param list {@code {"aaclusters": [...]}}, in two pieces ({@link Pieces#forStreaming()})
     * @param byName {@code {"aacluster": {...}}} of each cluster in the list, by its name
     */
    record Bodies(Pieces list, Map<String, Pieces> byName) {
    }

    /**
     * A body as the pieces it is made of, written one after the other. A small body is joined and sent whole
     * ({@link Json#send(io.helidon.webserver.http.ServerResponse, Pieces)}); a large one is streamed, not copied into
     * the server's response buffer (for a list of 100, two copies of about 100 KB per request), and when it is kept
     * to be sent many times, as {@link #forStreaming() two pieces}.
     */
    record Pieces(List<byte[]> parts) {

        /** The body's length in bytes. */
        long length() {
            long length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            return length;
        }

        /** The same body as one array. */
        byte[] joined() {
            return parts.size() == 1 ? parts.getFirst() : join(parts);
        }

        /** The same body in one piece, to be kept and sent many times without joining it each time. */
        Pieces whole() {
            return parts.size() == 1 ? this : new Pieces(List.of(joined()));
        }

        /**
         * The same body as two pieces, to be kept and streamed many times: the first piece as it is, everything after
         * it joined into one array. The server copies what is written first into one buffer with the headers, and
         * sends what is written after it as it is: a small first piece keeps that copy small (a whole list of 100
         * written at once was copied twice per request), one array after it makes one write.
         */
        Pieces forStreaming() {
            if (parts.size() <= 2) {
                return this;
            }
            return new Pieces(List.of(parts.getFirst(), join(parts.subList(1, parts.size()))));
        }

        private static byte[] join(List<byte[]> parts) {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            byte[] whole = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, whole, at, part.length);
                at += part.length;
            }
            return whole;
        }

        void writeTo(OutputStream out) throws IOException {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
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
