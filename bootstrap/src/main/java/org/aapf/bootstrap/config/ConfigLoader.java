package org.aapf.bootstrap.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link AapfConfig} from three layers: the defaults shipped in {@code aapf-defaults.yaml}, the operator's YAML
 * file, and environment variables (see {@link EnvironmentOverrides}).
 */
public final class ConfigLoader {

    private static final String DEFAULTS = "/aapf-defaults.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Loads the configuration; {@code file} may be empty to use defaults and environment only. */
    public AapfConfig load(Optional<Path> file, Map<String, String> environment) {
        ObjectNode tree = defaults();
        file.ifPresent(path -> merge(tree, read(path)));
        EnvironmentOverrides.apply(tree, environment);
        try {
            return yaml.treeToValue(tree, AapfConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("Unknown configuration key '" + keyPath(e) + "': remove it or check its spelling"
                    + " (the README lists every key)");
        } catch (JacksonException e) {
            throw new ConfigException("Invalid configuration" + describe(e));
        }
    }

    private ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped defaults are unreadable", e);
        }
    }

    private JsonNode read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("Configuration file '" + path + "' "
                    + (Files.isDirectory(path) ? "is a directory" : "does not exist") + ": fix --config or AAPF_CONFIG");
        }
        try {
            JsonNode node = yaml.readTree(path.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return yaml.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("Configuration file '" + path + "' must be a YAML mapping of keys");
            }
            return node;
        } catch (JacksonException e) {
            throw new ConfigException("Configuration file '" + path + "' is not valid YAML"
                    + Optional.ofNullable(e.getLocation()).map(l -> " (line " + l.getLineNr() + ")").orElse(""));
        } catch (IOException e) {
            throw new ConfigException("Configuration file '" + path + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode target, JsonNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String keyPath(JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                }
            }
            return path.toString();
        }
        return "?";
    }

    private static String describe(JacksonException e) {
        String key = keyPath(e);
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String reason = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
        return (key.isEmpty() ? "" : " at '" + key + "'") + ": " + firstLine(reason);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown problem";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
