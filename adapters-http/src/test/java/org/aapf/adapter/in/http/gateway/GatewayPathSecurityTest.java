package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Notebook "abc" must never serve "abcd", and no path trick may reach another notebook or leave the base URL. */
class GatewayPathSecurityTest {

    private static FakeHttpNotebook abc;
    private static FakeHttpNotebook abcd;
    private static ProxyHarness proxy;

    @BeforeAll
    static void start() throws Exception {
        abc = new FakeHttpNotebook();
        abcd = new FakeHttpNotebook();
        proxy = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Set.of()));
        proxy.routes.ready("abc", abc.port()).ready("abcd", abcd.port());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        abc.close();
        abcd.close();
    }

    @BeforeEach
    void forget() {
        abc.seen.clear();
        abcd.seen.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/proxy/abc/jupyter/../../abcd/jupyter/api/status",
        "/proxy/abc/jupyter/%2e%2e/%2e%2e/abcd/jupyter/api/status",
        "/proxy/abc/jupyter/%2E%2E/%2E%2E/abcd/jupyter/api/status",
        "/proxy/abc/jupyter/..%2f..%2fabcd/jupyter/api/status",
        "/proxy/abc/jupyter/%252e%252e/%252e%252e/abcd/jupyter/api/status",
        "/proxy/abc/jupyter/%25252e%25252e/x",
        "/proxy/abc/jupyter//abcd/jupyter/api/status",
        "/proxy/abc/jupyter/..\\..\\abcd\\jupyter",
        "/proxy/abc/jupyter/%5c..%5cabcd",
        "/proxy/abc/jupyter/.%2e/x",
        "/proxy/abc/jupyter/..;/..;/abcd/jupyter/api/status",
        "/proxy/abc%2f..%2fabcd/jupyter/api/status",
        "/proxy/abc/%2e%2e/abcd/jupyter/api/status",
        "/proxy/abc/../abcd/jupyter/api/status",
        "/proxy/./abc/jupyter/api/status",
        "/proxy//abc/jupyter/api/status",
    })
    void traversalAttemptsNeverReachAnyNotebook(String rawPath) throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(), "GET " + rawPath + " HTTP/1.1");

        assertTrue(response.status() == 400 || response.status() == 404,
                rawPath + " answered " + response.status());
        assertEquals(0, abc.seen.size() + abcd.seen.size(), rawPath + " reached a notebook");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/proxy/ab/jupyter/api/status",
        "/proxy/abcde/jupyter/api/status",
        "/proxy/ABC/jupyter/api/status",
        "/proxy/abc/jupyterx/api/status",
        "/proxy/abc/lab/api/status",
        "/proxy/abc",
        "/proxy/abc/",
        "/proxy/",
        "/proxy/abc.d/jupyter/",
    })
    void proxyIdMustMatchAWholeSegmentExactly(String rawPath) throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(), "GET " + rawPath + " HTTP/1.1");

        assertTrue(response.status() == 400 || response.status() == 404,
                rawPath + " answered " + response.status());
        assertEquals(0, abc.seen.size() + abcd.seen.size(), rawPath + " reached a notebook");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/proxy/abc/jupyter/api/status", "/proxy/abc/jupyter/files/50%25.txt"})
    void exactPathsReachTheirOwnNotebookOnly(String rawPath) throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(), "GET " + rawPath + " HTTP/1.1");

        assertEquals(200, response.status());
        assertEquals(1, abc.seen.size());
        assertEquals(rawPath, abc.seen.getFirst().rawPath());
        assertEquals(0, abcd.seen.size());
    }
}
