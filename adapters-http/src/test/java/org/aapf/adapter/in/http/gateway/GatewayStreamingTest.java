package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 50 MiB each way, with the receiver pausing after 10 MiB: a proxy that buffered bodies would by then hold the
 * remaining ~40 MiB, a streaming one holds a few socket buffers. Live heap is measured after full GCs.
 */
class GatewayStreamingTest {

    private static final long MAX_GROWTH = 16L * 1024 * 1024;

    private static FakeHttpNotebook notebook;
    private static ProxyHarness proxy;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        notebook = new FakeHttpNotebook();
        proxy = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2), Duration.ofSeconds(30), Set.of()));
        proxy.routes.ready("abc", notebook.port());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        notebook.close();
        CLIENT.close();
    }

    @Test
    void streamsA50MiBDownloadWithoutGrowingTheHeap() throws Exception {
        long before = liveHeap();
        HttpResponse<InputStream> response = CLIENT.send(
                HttpRequest.newBuilder(proxy.http("/proxy/abc/jupyter/files/big")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long position = 0;
        long during;
        boolean identical = true;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            while (position < FakeHttpNotebook.PAUSE_AT) {
                int n = in.read(buffer);
                for (int i = 0; i < n; i++) {
                    identical &= (buffer[i] & 0xff) == FakeHttpNotebook.PatternStream.byteAt(position++);
                }
            }
            Thread.sleep(500);
            during = liveHeap();
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    identical &= (buffer[i] & 0xff) == FakeHttpNotebook.PatternStream.byteAt(position++);
                }
            }
        }

        assertEquals(200, response.statusCode());
        assertEquals(FakeHttpNotebook.BIG, position);
        assertTrue(identical, "downloaded bytes differ");
        assertTrue(during - before < MAX_GROWTH, "heap grew by " + (during - before) / 1024 / 1024 + " MiB");
    }

    @Test
    void streamsA50MiBUploadWithoutGrowingTheHeap() throws Exception {
        long before = liveHeap();
        CompletableFuture<HttpResponse<String>> response = CLIENT.sendAsync(
                HttpRequest.newBuilder(proxy.http("/proxy/abc/jupyter/api/contents/upload"))
                        .PUT(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(
                                () -> new FakeHttpNotebook.PatternStream(FakeHttpNotebook.BIG)), FakeHttpNotebook.BIG))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(notebook.uploadPaused.await(30, TimeUnit.SECONDS), "upload never reached the notebook");
        Thread.sleep(500);
        long during = liveHeap();
        notebook.resumeUpload.countDown();

        assertEquals(200, response.get(60, TimeUnit.SECONDS).statusCode());
        assertEquals(FakeHttpNotebook.BIG + " " + patternCrc(), response.get().body());
        assertTrue(during - before < MAX_GROWTH, "heap grew by " + (during - before) / 1024 / 1024 + " MiB");
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long patternCrc() throws Exception {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new FakeHttpNotebook.PatternStream(FakeHttpNotebook.BIG)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
