package org.aapf.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aapf.application.port.in.ClusterView;
import org.aapf.domain.cluster.ClusterStatus;
import org.junit.jupiter.api.Test;

class ClusterJsonTest {

    private static final Timestamps TOKYO = new Timestamps(ZoneId.of("Asia/Tokyo"));

    private final ClusterJson json = new ClusterJson(TOKYO);

    @Test
    void writesOneClusterAsTheReferenceShowsIt() throws Exception {
        ClusterView sample = SampleClusters.referenceSample();
        String body = text(json.one(sample));

        assertEquals(Json.MAPPER.readTree("{\"aacluster\": " + SampleClusters.REFERENCE_SAMPLE_JSON + "}"),
                Json.MAPPER.readTree(body));
        assertEquals(body.getBytes(UTF_8).length, json.one(sample).length());
        assertEquals(written(Map.of("aacluster", ClusterBody.from(sample, TOKYO))), body,
                "the bytes Jackson writes for the response record, fields in the reference's order");
    }

    @Test
    void writesListsOfNoneOneAndSeveralClustersInTheirOrder_andEachClusterAloneAsItsOwnReadWould()
            throws Exception {
        ClusterView a = SampleClusters.withSparkAndAlerts("a");
        ClusterView b = SampleClusters.referenceSample();

        for (List<ClusterView> clusters : List.of(List.<ClusterView>of(), List.of(b), List.of(a, b, a))) {
            ClusterJson.Bodies bodies = json.bodies(clusters);
            assertEquals(written(Map.of("aaclusters", clusters.stream().map(it -> ClusterBody.from(it, TOKYO))
                    .toList())), text(bodies.list()));
            assertEquals(clusters.stream().map(ClusterView::name).collect(Collectors.toSet()),
                    bodies.byName().keySet());
            for (ClusterView cluster : clusters) {
                assertEquals(text(json.one(cluster)), text(bodies.byName().get(cluster.name())));
            }
        }
    }

    @Test
    void givenTheClusterChanged_writesItsNewState() throws Exception {
        ClusterView before = SampleClusters.referenceSample();
        json.one(before);
        ClusterView after = new ClusterView(before.name(), ClusterStatus.STOPPING, before.services(),
                before.createdAt());

        assertEquals("stopping", Json.MAPPER.readTree(text(json.one(after))).at("/aacluster/status").asText());
        assertEquals("stopping", Json.MAPPER.readTree(text(json.bodies(List.of(after)).list())).at("/aaclusters/0/status").asText());
        assertEquals("created", Json.MAPPER.readTree(text(json.one(before))).at("/aacluster/status").asText());
    }

    private static String text(ClusterJson.Pieces pieces) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces.writeTo(out);
        assertEquals(out.size(), pieces.length());
        return out.toString(UTF_8);
    }

    /** What Jackson writes for the response records, as the handlers sent before. */
    private static String written(Object body) throws Exception {
        return Json.MAPPER.writeValueAsString(body);
    }
}
