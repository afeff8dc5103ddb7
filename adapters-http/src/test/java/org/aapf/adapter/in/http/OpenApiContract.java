package org.aapf.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Checks HTTP exchanges against the OpenAPI document the server publishes, with swagger-request-validator: every
 * response of a documented operation must be documented (status, headers, body schema); a successful request must
 * match its documented request; a method a documented path lacks must get 405 with an {@code Allow} header naming
 * exactly the documented methods; an undocumented path must get 404. Error bodies always match {@code Message}.
 */
final class OpenApiContract {

    static final String LOCATION = "openapi/aapf-openapi.yaml";
    static final OpenAPI API = parse();

    private static final String BASE_PATH = API.getServers().getFirst().getUrl();
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createFor(LOCATION).build();
    private static final SchemaValidator SCHEMAS = new SchemaValidator(API, new MessageResolver());
    private static final Map<Pattern, PathItem> PATHS = API.getPaths().entrySet().stream()
            .collect(Collectors.toMap(it -> template(BASE_PATH + it.getKey()), Map.Entry::getValue));

    private OpenApiContract() {
    }

    /** Fails with the validator's report when the exchange breaks the document. */
    static void assertMatches(HttpRequest request, HttpResponse<String> response) {
        String path = request.uri().getRawPath();
        Request.Method method = Request.Method.valueOf(request.method());
        Optional<PathItem> pathItem = pathItem(path);
        if (pathItem.isEmpty()) {
            assertEquals(404, response.statusCode(), () -> "undocumented path " + path + " answered " + response.body());
            assertValid(SCHEMAS.validate(response.body(), API.getComponents().getSchemas().get("Message"), "body"),
                    request, response);
        } else if (!pathItem.get().readOperationsMap().containsKey(PathItem.HttpMethod.valueOf(request.method()))) {
            assertMethodNotAllowed(pathItem.get(), request, response);
        } else {
            assertValid(VALIDATOR.validateResponse(path, method, simpleResponse(response)), request, response);
            if (response.statusCode() / 100 == 2) {
                assertValid(VALIDATOR.validateRequest(simpleRequest(request)), request, response);
            }
        }
    }

    /** The validator's findings for a response to {@code method path}, for tests of the contract itself. */
    static ValidationReport validateResponse(String method, String path, int status, String json) {
        return VALIDATOR.validateResponse(path, Request.Method.valueOf(method),
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(json).build());
    }

    static Optional<PathItem> pathItem(String rawPath) {
        return PATHS.entrySet().stream()
                .filter(it -> it.getKey().matcher(rawPath).matches())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    static Set<String> documentedMethods(PathItem pathItem) {
        return pathItem.readOperationsMap().keySet().stream().map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertMethodNotAllowed(PathItem pathItem, HttpRequest request, HttpResponse<String> response) {
        assertEquals(405, response.statusCode(), () -> request.method() + " is not documented for " + request.uri());
        String allow = response.headers().firstValue("Allow").orElse("");
        assertEquals(documentedMethods(pathItem), new TreeSet<>(Arrays.asList(allow.split(",\\s*"))),
                "Allow must name exactly the documented methods");
        assertValid(SCHEMAS.validate(response.body(), API.getComponents().getSchemas().get("Message"), "body"),
                request, response);
    }

    private static void assertValid(ValidationReport report, HttpRequest request, HttpResponse<String> response) {
        assertFalse(report.hasErrors(), () -> request.method() + " " + request.uri() + " -> " + response.statusCode()
                + " " + response.body() + "\n" + SimpleValidationReportFormat.getInstance().apply(report));
    }

    private static SimpleResponse simpleResponse(HttpResponse<String> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(builder::withHeader);
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    private static SimpleRequest simpleRequest(HttpRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.uri().getRawPath());
        request.headers().map().forEach(builder::withHeader);
        byte[] body = RequestBodies.of(request);
        if (body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    /** A path template such as {@code /api/v1/aaclusters/{name}} as a pattern over raw (percent-encoded) paths. */
    private static Pattern template(String path) {
        String regex = Arrays.stream(path.split("/", -1))
                .map(segment -> segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment))
                .collect(Collectors.joining("/"));
        return Pattern.compile(regex);
    }

    private static OpenAPI parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(LOCATION, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), () -> "" + result.getMessages());
        return result.getOpenAPI();
    }
}
