package org.aapf.bootstrap.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a test saw, kept for people to read (e.g. in a change's description): files under {@code target/show/} of the
 * module, rewritten by every run and never committed.
 */
public final class Exhibit {

    private static final Path DIR = Path.of("target", "show");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Exhibit() {
    }

    /** Writes {@code content} to {@code target/show/<name>} and returns the file. */
    public static Path write(String name, String content) {
        try {
            Files.createDirectories(DIR);
            return Files.writeString(DIR.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a JSON document, indented, to {@code target/show/<name>}. */
    public static Path writeJson(String name, String json) {
        try {
            return write(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
