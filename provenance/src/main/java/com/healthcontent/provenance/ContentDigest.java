package com.healthcontent.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fingerprint of what reviewers approved: {@code sha256:} and the hex SHA-256 of the content's canonical form.
 * The canonical form is the content as JSON with the API's field names (what authors write: renderings derived from
 * it for clients, such as a section's {@code html}, are not part of it), fields whose value is null left out, object
 * keys sorted (by UTF-16 code units, as RFC 8785 does), no whitespace, UTF-8. Any change to a word, a dose or a
 * reference changes it; the order of fields and how a store keeps them do not.
 */
public final class ContentDigest {

    /** The content's own fields only: annotations that add derived ones for clients (an {@code html}) are ignored. */
    private static final JsonMapper JSON =
            JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS).build();

    private ContentDigest() {}

    public static String of(Object content) {
        return "sha256:" + HexFormat.of().formatHex(sha256(canonical(content)));
    }

    /** The canonical form itself, for people and tools checking a digest. */
    public static String canonical(Object content) {
        return JSON.writeValueAsString(canonicalTree(content));
    }

    /** The content as the canonical form has it (the API's field names, no nulls, keys sorted), as a JSON tree. */
    public static JsonNode canonicalTree(Object content) {
        return sorted(content instanceof JsonNode node ? node : JSON.valueToTree(content));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    fields.put(field.getKey(), sorted(field.getValue()));
                }
            });
            ObjectNode object = JSON.createObjectNode();
            fields.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
