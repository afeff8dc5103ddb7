package org.aapf.embedded.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.Image;
import org.aapf.domain.catalogue.LaunchSpec;
import org.aapf.domain.catalogue.PerfType;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.catalogue.WarmPool;
import org.aapf.domain.cluster.ServiceKind;

/** Reads a catalogue YAML file (format: the shipped {@code aapf-catalogue.yaml}) into the domain's {@link Catalogue}. */
public final class CatalogueFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CatalogueFile() {
    }

    /**
     * Parses a catalogue.
     *
     * @param source names the file in error messages
     * @throws CatalogueException naming the file, the key and what is wrong
     */
    public static Catalogue parse(InputStream in, String source) {
        try {
            return YAML.readValue(in, Document.class).toCatalogue();
        } catch (JsonMappingException e) {
            throw new CatalogueException("Catalogue " + source + " is invalid at '" + path(e) + "': " + reason(e));
        } catch (JacksonException e) {
            throw new CatalogueException("Catalogue " + source + " is not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw new CatalogueException("Catalogue " + source + " is invalid: " + e.getMessage());
        } catch (IOException e) {
            throw new CatalogueException("Catalogue " + source + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException e) {
        Throwable cause = e.getCause();
        return cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                ? cause.getMessage()
                : firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String text) {
        return text == null ? "unknown problem" : text.lines().findFirst().orElse(text);
    }

    record Document(List<ImageEntry> images, List<PerfTypeEntry> perfTypes, List<PoolEntry> pools) {
        Catalogue toCatalogue() {
            return Catalogue.of(images == null ? List.of() : images.stream().map(ImageEntry::toImage).toList(),
                    perfTypes == null ? List.of() : perfTypes.stream().map(PerfTypeEntry::toPerfType).toList())
                    .withPools(pools == null ? List.of() : pools.stream().map(PoolEntry::toPool).toList());
        }
    }

    /**
     * A warm pool: {@code {image: <repositoryName>, perfType: <name>, size: <n>, maxStartCopyMiB: <m>}}; size 0 keeps
     * none warm; starts copy workspaces up to {@code maxStartCopyMiB} (default {@value
     * WarmPool#DEFAULT_MAX_START_COPY_MIB}, 0: starts are cold) into a warm instance.
     */
    record PoolEntry(String image, String perfType, Integer size, Integer maxStartCopyMiB) {
        WarmPool toPool() {
            if (size == null) {
                throw new IllegalArgumentException("pool '" + image + "/" + perfType + "' needs 'size'");
            }
            return new WarmPool(image, perfType, size,
                    maxStartCopyMiB == null ? WarmPool.DEFAULT_MAX_START_COPY_MIB : maxStartCopyMiB);
        }
    }

    record ImageEntry(String repositoryName, String displayName, String description, String reference,
            LaunchEntry launch, Map<String, LaunchEntry> launchByService) {
        Image toImage() {
            if (launch == null) {
                throw new IllegalArgumentException("image '" + repositoryName + "' needs 'launch'");
            }
            Map<ServiceKind, LaunchSpec> overrides = new EnumMap<>(ServiceKind.class);
            if (launchByService != null) {
                launchByService.forEach((service, entry) -> overrides.put(ServiceKind.fromApiName(service)
                        .orElseThrow(() -> new IllegalArgumentException("unknown service '" + service
                                + "' in launchByService of '" + repositoryName
                                + "' (use jupyter-notebook, spark-master or spark-worker)")),
                        entry.toLaunchSpec()));
            }
            return new Image(repositoryName, displayName, description == null ? "" : description, reference,
                    launch.toLaunchSpec(), overrides);
        }
    }

    record LaunchEntry(List<String> command, Map<String, String> env, int httpPort, String healthPath,
            String workspacePath) {
        LaunchSpec toLaunchSpec() {
            return new LaunchSpec(command == null ? List.of() : command, env == null ? Map.of() : env, httpPort,
                    Optional.ofNullable(healthPath).filter(path -> !path.isBlank()),
                    Optional.ofNullable(workspacePath).filter(path -> !path.isBlank()));
        }
    }

    record PerfTypeEntry(String name, String displayName, ResourcesEntry resources) {
        PerfType toPerfType() {
            if (resources == null) {
                throw new IllegalArgumentException("performance type '" + name + "' needs 'resources'");
            }
            return new PerfType(name, displayName, resources.toResources());
        }
    }

    record ResourcesEntry(double cpu, long memory, @JsonProperty("nvidia.com/gpu") Integer gpus) {
        Resources toResources() {
            return new Resources(cpu, memory, Optional.ofNullable(gpus).filter(count -> count > 0));
        }
    }
}
