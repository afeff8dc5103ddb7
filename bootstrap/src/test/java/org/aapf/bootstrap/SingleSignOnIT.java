package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aapf.bootstrap.support.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on against a real Keycloak ({@link Keycloak}, shared by the run) and the real distribution jar started
 * as {@code aapf serve} with {@code auth.oidc.*} configured and password login turned off. The browser test
 * ({@code webui/e2e/sso.mjs}) logs in through Keycloak's own login page in Chromium; the other tests drive the same
 * flow with an HTTP client (Keycloak's login form included) to show what is refused.
 */
@ExtendWith(Keycloak.class)
class SingleSignOnIT {

    private static final boolean REAL_CLUSTERS = Boolean.parseBoolean(System.getProperty("aapf.e2e.clusters", "true"));
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path JAR = ROOT.resolve("bootstrap/target/aapf.jar");
    private static final Path WEBUI = ROOT.resolve("webui");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private static Path dataDir;
    private static Process server;
    private static String url;

    @BeforeAll
    static void startAapf() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run in the integration-test phase, after the jar is built: " + JAR);
        dataDir = Files.createTempDirectory("aapf-sso-it-");
        int port = freePort();
        url = "http://127.0.0.1:" + port;
        Path config = dataDir.resolve("aapf.yaml");
        Files.writeString(config, """
                auth:
                  passwordLogin: false
                  oidc:
                    issuer: %s
                    displayName: Keycloak
                    clientId: aapf
                    redirectUri: %s/api/v1/auth/oidc/callback
                    adminGroup: aapf-admins
                    grants:
                      analysts: {images: [aa_jupyter_notebook], perfTypes: [small]}
                """.formatted(Keycloak.get().issuer(), url));
        Map<String, String> env = Map.of("AAPF_DATA_DIR", dataDir.toString(), "AAPF_HOST", "127.0.0.1",
                "AAPF_PORT", Integer.toString(port), "AAPF_CONFIG", config.toString(),
                "AAPF_OIDC_CLIENT_SECRET", "aapf-client-secret");
        assertEquals(0, run(List.of(java(), "-jar", JAR.toString(), "users", "add", "root", "--admin", "--password",
                "break-glass-1"), env, dataDir.resolve("add-root.log")));
        assertEquals(0, run(List.of(java(), "-jar", JAR.toString(), "users", "add", "local1", "--password",
                "local1-pass"), env, dataDir.resolve("add-local1.log")));
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "serve").redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().putAll(env);
        server = builder.start();
        awaitUp();
    }

    @AfterAll
    static void stopAapf() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void loginPageOffersTheProviderAndNoPasswordLogin() throws Exception {
        JsonNode options = json(new Browser().get(url + "/api/v1/auth/options"));
        assertEquals("Keycloak", options.get("provider").asText());
        assertEquals(false, options.get("passwordLogin").asBoolean());
    }

    @Test
    void adminFromTheGroupSignsOnAndGetsTheSameTokensAsAPasswordLogin() throws Exception {
        Browser browser = new Browser();
        Tokens tokens = browser.signOn("alice", "alice-pass");

        JsonNode me = json(browser.get(url + "/api/v1/me", tokens.access()));
        assertEquals("alice", me.get("username").asText());
        assertTrue(me.get("admin").asBoolean());
        assertEquals("oidc", me.get("signOn").asText());
        HttpResponse<String> users = browser.get(url + "/api/v1/admin/users", tokens.access());
        assertEquals(200, users.statusCode());
        assertTrue(users.body().contains("\"alice\""));
        assertEquals(2, json(browser.get(url + "/api/v1/images", tokens.access())).get("images").size(),
                "an admin sees the whole catalogue");
        // the tokens are AAPF's own: refresh, API tokens and logout work as after a password login
        HttpResponse<String> refreshed = browser.post(url + "/api/v1/access-token-refresh",
                "{\"refreshToken\":\"" + tokens.refresh() + "\"}", null);
        assertEquals(200, refreshed.statusCode());
        HttpResponse<String> apiToken = browser.post(url + "/api/v1/api-tokens/sso-script", "{}", tokens.access());
        assertEquals(200, apiToken.statusCode(), apiToken.body());
        String secret = JSON.readTree(apiToken.body()).get("apiToken").get("token").asText();
        assertEquals(200, browser.get(url + "/api/v1/me", secret).statusCode(), "the API token works");
        assertEquals(401, browser.post(url + "/api/v1/api-tokens/minted", "{}", secret).statusCode(),
                "an API token cannot mint another without a password");
        JsonNode trail = json(browser.get(url + "/api/v1/admin/audit?since=PT1H&limit=1000", tokens.access()));
        boolean audited = false;
        for (JsonNode entry : trail.get("entries")) {
            audited |= entry.get("actor").asText().equals("alice") && entry.get("action").asText().equals("login.sso")
                    && entry.get("outcome").asText().equals("succeeded");
        }
        assertTrue(audited, "the sign-on is in the audit trail: " + trail);
    }

    @Test
    void groupGrantsSelectTheCatalogueAndNonAdminsAreRefusedTheAdminPage() throws Exception {
        Tokens bob = new Browser().signOn("bob", "bob-pass");
        Browser api = new Browser();
        assertEquals(403, api.get(url + "/api/v1/admin/users", bob.access()).statusCode());
        assertEquals("aa_jupyter_notebook", json(api.get(url + "/api/v1/images", bob.access()))
                .get("images").get(0).get("repositoryName").asText());
        assertEquals(1, json(api.get(url + "/api/v1/perf-types", bob.access())).get("perfTypes").size());
        HttpResponse<String> refused = api.post(url + "/api/v1/aaclusters/not-granted", """
                {"jupyterNotebook": {"image": {"repositoryName": "aa_jupyter_notebook"}, "perfType": "medium"}}""",
                bob.access());
        assertEquals(400, refused.statusCode(), refused.body());

        Tokens carol = new Browser().signOn("carol", "carol-pass");
        assertEquals(0, json(api.get(url + "/api/v1/images", carol.access())).get("images").size(),
                "a group without a grant sees no image");
    }

    @Test
    void passwordLoginIsOffExceptForTheBreakGlassAdmin() throws Exception {
        Browser api = new Browser();
        assertEquals(200, api.post(url + "/api/v1/login", "{\"username\":\"root\",\"password\":\"break-glass-1\"}",
                null).statusCode());
        HttpResponse<String> local = api.post(url + "/api/v1/login",
                "{\"username\":\"local1\",\"password\":\"local1-pass\"}", null);
        assertEquals(403, local.statusCode(), local.body());
        assertEquals(401, api.post(url + "/api/v1/login", "{\"username\":\"local1\",\"password\":\"wrong-pass\"}",
                null).statusCode(), "a wrong password still gets the same 401 as before");
    }

    @Test
    void wrongStateIsRefused() throws Exception {
        Browser browser = new Browser();
        URI callback = browser.authorize("bob", "bob-pass");
        String forged = callback.toString().replaceAll("state=[^&]+", "state=forged-state");
        HttpResponse<String> refused = browser.get(forged);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not started by this browser"));

        Browser another = new Browser();
        URI stolen = another.authorize("bob", "bob-pass");
        HttpResponse<String> withoutCookie = new Browser().get(stolen.toString());
        assertEquals(400, withoutCookie.statusCode(), "a callback from a browser that did not start the sign-on");
    }

    @Test
    void replayedCodeAndReplayedOneTimeCodeAreRefused() throws Exception {
        Browser browser = new Browser();
        URI callback = browser.authorize("bob", "bob-pass");
        assertEquals(302, browser.get(callback.toString()).statusCode());
        assertEquals(400, browser.get(callback.toString()).statusCode(), "the same callback again: state used");

        String code = query(callback, "code");
        URI fresh = browser.startAt();
        String newState = query(fresh, "state");
        HttpResponse<String> replayed = browser.get(url + "/api/v1/auth/oidc/callback?state=" + newState + "&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8));
        assertEquals(401, replayed.statusCode(), "a used code under a fresh state: Keycloak refuses it");

        Browser second = new Browser();
        assertEquals(302, second.get(second.authorize("bob", "bob-pass").toString()).statusCode());
        String cookie = second.cookie("aapf_sign_on");
        assertEquals(200, second.post(url + "/api/v1/auth/oidc/session", "", null).statusCode());
        HttpResponse<String> again = new Browser().post(url + "/api/v1/auth/oidc/session", "", null,
                "aapf_sign_on=" + cookie);
        assertEquals(400, again.statusCode(), "the one-time code works once");
    }

    @Test
    void webUiSignsOnThroughKeycloaksLoginPageInChromium() throws Exception {
        assertTrue(Files.isDirectory(WEBUI.resolve("node_modules/playwright-core")), "build the webui module first");
        Path log = ROOT.resolve("webui/target/e2e-sso.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("node", "--test", "--test-concurrency=1", "e2e/sso.mjs")
                .directory(WEBUI.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("AAPF_URL", url,
                "AAPF_E2E_SCREENSHOTS", WEBUI.resolve("target/screenshots").toString(),
                "AAPF_E2E_CLUSTERS", REAL_CLUSTERS ? "1" : "0"));
        Process node = builder.start();
        try {
            assertTrue(node.waitFor(15, TimeUnit.MINUTES), "browser test timed out");
        } finally {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output.lines().filter(line -> line.startsWith("# ") || line.matches("\\s*(not )?ok .*"))
                .collect(Collectors.joining("\n", "SSO browser tests:\n", "")));
        assertEquals(0, node.exitValue(), () -> "browser test failed (" + log + "):\n" + output);
        assertTrue(output.contains("# fail 0"));
    }

    /** One browser: its own cookies (AAPF's and Keycloak's), no automatic redirects. */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new LoopbackIsSecure(cookies))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        /** Starts a sign-on at AAPF; the provider's authorization address. */
        URI startAt() throws Exception {
            HttpResponse<String> start = get(url + "/api/v1/auth/oidc/login");
            assertEquals(302, start.statusCode(), start.body());
            return URI.create(start.headers().firstValue("Location").orElseThrow());
        }

        /** Starts a sign-on and logs in on Keycloak's form; the callback address Keycloak sends the browser to. */
        URI authorize(String username, String password) throws Exception {
            URI authorization = startAt();
            assertTrue(authorization.toString().startsWith(Keycloak.get().issuer()), authorization.toString());
            assertTrue(authorization.getQuery().contains("code_challenge_method=S256"), "PKCE");
            assertTrue(authorization.getQuery().contains("nonce="), "nonce");
            HttpResponse<String> page = get(authorization.toString());
            assertEquals(200, page.statusCode());
            Matcher action = FORM_ACTION.matcher(page.body());
            assertTrue(action.find(), "Keycloak's login form");
            HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("username=" + username + "&password=" + password
                            + "&credentialId=")));
            assertEquals(302, loggedIn.statusCode(), loggedIn.body());
            URI callback = URI.create(loggedIn.headers().firstValue("Location").orElseThrow());
            assertTrue(callback.toString().startsWith(url + "/api/v1/auth/oidc/callback?"), callback.toString());
            return callback;
        }

        Tokens signOn(String username, String password) throws Exception {
            HttpResponse<String> landed = get(authorize(username, password).toString());
            assertEquals(302, landed.statusCode(), landed.body());
            assertEquals("/#sign-on", landed.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> session = post(url + "/api/v1/auth/oidc/session", "", null);
            assertEquals(200, session.statusCode(), session.body());
            JsonNode tokens = JSON.readTree(session.body());
            return new Tokens(tokens.get("accessToken").asText(), tokens.get("refreshToken").asText());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                    .findFirst().orElseThrow().getValue();
        }

        HttpResponse<String> get(String address) throws Exception {
            return get(address, null);
        }

        HttpResponse<String> get(String address, String token) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return send(request);
        }

        HttpResponse<String> post(String address, String body, String token, String... cookieHeader)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address))
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (String cookie : cookieHeader) {
                request.header("Cookie", cookie);
            }
            return send(request);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
        }
    }

    private record Tokens(String access, String refresh) {
    }

    /**
     * Browsers treat 127.0.0.1 as a secure context and send it {@code Secure} cookies over plain HTTP (Keycloak sets
     * its login cookies so); Java's cookie manager does not, so the attribute is dropped on the way in.
     */
    private static final class LoopbackIsSecure extends java.net.CookieHandler {
        private final CookieManager delegate;

        LoopbackIsSecure(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> rewritten = new java.util.HashMap<>(responseHeaders);
            rewritten.replaceAll((name, values) -> name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()
                    : values);
            delegate.put(uri, rewritten);
        }
    }

    private static String query(URI uri, String name) {
        return Stream.of(uri.getRawQuery().split("&")).filter(part -> part.startsWith(name + "="))
                .map(part -> java.net.URLDecoder.decode(part.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int run(List<String> command, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return process.exitValue();
    }

    private static void awaitUp() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(server.isAlive(), () -> "the server stopped:\n" + tail(dataDir.resolve("server.log")));
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url + "/")).build(), BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not answer within 90 s:\n" + tail(dataDir.resolve("server.log")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
