package org.aapf.adapter.in.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Header;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Serves the OpenAPI 3 document of the whole WebAPI v1 at {@code GET /openapi.yaml}, to anyone (no token needed). */
final class OpenApiHttpService implements HttpService {

    static final String PATH = "/openapi.yaml";
    static final String RESOURCE = "/openapi/aapf-openapi.yaml";

    private static final Header CONTENT_TYPE_YAML = HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/yaml");

    private final byte[] document;

    OpenApiHttpService() {
        this.document = load();
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get(PATH, this::document)
                .otherMethodsNotAllowed();
    }

    private void document(ServerRequest req, ServerResponse res) {
        res.header(CONTENT_TYPE_YAML);
        res.send(document);
    }

    /** Read once at start: a missing document is a packaging bug that should stop the server, not a 500 later. */
    private static byte[] load() {
        try (InputStream in = OpenApiHttpService.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
