package com.healthcontent.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI documents in {@code docs/openapi/}, which client developers read and from which the local stack's tests
 * generate a client, are the services' own: a test fails when a service's live document differs from its copy, and
 * writes the live one beside it under {@code target/} (or over the copy, with {@code -Dopenapi.update=true}).
 */
public final class PublishedApiDocument {

    private static final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PublishedApiDocument() {}

    /** Null when {@code docs/openapi/<name>.json} is the live document, else what differs and what to do. */
    public static String differenceFrom(JsonNode live, String name) {
        Path published = Path.of("..", "docs", "openapi", name + ".json");
        try {
            if (Files.exists(published) && json.readTree(published.toFile()).equals(live)) {
                return null;
            }
            String text = json.writeValueAsString(live) + "\n";
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(published.getParent());
                Files.writeString(published, text);
                return null;
            }
            Path current = Path.of("target", "openapi", name + ".json");
            Files.createDirectories(current.getParent());
            Files.writeString(current, text);
            return published.normalize() + " is not the service's document; the live one is in "
                    + current.toAbsolutePath() + " (copy it over, or run the test with -Dopenapi.update=true)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
