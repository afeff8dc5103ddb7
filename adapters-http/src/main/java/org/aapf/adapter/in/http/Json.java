package org.aapf.adapter.in.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.domain.error.AapfException;

/** Reads JSON request bodies into records and writes records as JSON, with one shared Jackson mapper. */
final class Json {

    /**
     * Unknown fields are ignored by {@link #read} (the account bodies, where the reference's clients may send more)
     * and refused by {@link #readStrict}; wrong types (a fraction for an integer included), trailing data and
     * duplicate keys are refused by both.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, number -> number
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();

    /** {@code Cache-Control: no-store}, on every API response (errors included). */
    static final Header NO_STORE = HeaderValues.create(HeaderNames.CACHE_CONTROL, "no-store");

    /** The {@code {}} body. */
    static final Map<String, Object> EMPTY_OBJECT = Map.of();

    private static final String NOT_AN_OBJECT = "The request body must be a JSON object.";

    private Json() {
    }

    /**
     * The request body as a {@code type}: 415 unless it is declared JSON, 413 when too large (see
     * {@link RequestBodyLimit}), 400 naming the field when it is malformed, mistyped or misses a required field.
     */
    static <T> T read(ServerRequest req, Class<T> type) {
        return read(req, MAPPER.readerFor(type));
    }

    /**
     * Like {@link #read}, but a field {@code type} does not define is a 400 naming it: a misspelt or unsupported
     * setting of a cluster must not be silently dropped.
     */
    static <T> T readStrict(ServerRequest req, Class<T> type) {
        return read(req, MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    private static <T> T read(ServerRequest req, ObjectReader reader) {
        if (!req.headers().contentType().map(it -> it.test(MediaTypes.APPLICATION_JSON)).orElse(false)) {
            throw HttpProblem.unsupportedMediaType();
        }
        try (InputStream body = req.content().inputStream()) {
            // read fully first: the size limit then fails as 413 before Jackson could wrap it
            T value = reader.readValue(body.readAllBytes());
            if (value == null) {
                throw AapfException.invalid(NOT_AN_OBJECT);
            }
            return value;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof AapfException refusal) {
                throw refusal;
            }
            throw AapfException.invalid(NOT_AN_OBJECT);
        } catch (UnrecognizedPropertyException e) {
            throw AapfException.invalid(unknownField(e));
        } catch (MismatchedInputException e) {
            throw AapfException.invalid(describe(e));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException && !e.getPath().isEmpty()) {
                // valid JSON, but a number beyond what the field holds (an int): say so, not "not valid JSON"
                throw AapfException.invalid("'" + fieldPath(e.getPath()) + "' is out of range.");
            }
            throw AapfException.invalid("The request body is not valid JSON.");
        } catch (JacksonException e) {
            throw AapfException.invalid("The request body is not valid JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Required fields of request records call this from their compact constructor. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw AapfException.invalid("'" + field + "' is required.");
        }
        return value;
    }

    /** Bodies up to this many bytes are sent whole rather than streamed. */
    private static final int SMALL_BODY = 16 * 1024;

    static void send(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    static void send(ServerResponse res, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getName() + " as JSON", e);
        }
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(bytes);
    }

    /**
     * Sends a 200 whose JSON body is these pieces: a small body joined and sent whole (the server writes it with the
     * headers in one buffer), a large one streamed with its length declared (not chunked; the stream's own buffer
     * costs more than a small body, copying a large one into the server's buffer more than streaming it).
     */
    static void send(ServerResponse res, ClusterJson.Pieces json) {
        res.status(Status.OK_200);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        long length = json.length();
        if (length <= SMALL_BODY) {
            res.send(json.joined());
            return;
        }
        res.contentLength(length);
        try (OutputStream out = res.outputStream()) {
            json.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unknownField(UnrecognizedPropertyException e) {
        String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                .map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return "'" + fieldPath(e.getPath()) + "' is not a field of this request; allowed here: " + known + ".";
    }

    private static String describe(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return NOT_AN_OBJECT;
        }
        return "'" + fieldPath(e.getPath()) + "' must be " + kind(e.getTargetType()) + ".";
    }

    private static String fieldPath(Collection<JsonMappingException.Reference> path) {
        String joined = path.stream()
                .map(it -> it.getFieldName() != null ? "." + it.getFieldName() : "[" + it.getIndex() + "]")
                .collect(Collectors.joining());
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
