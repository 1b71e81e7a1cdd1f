package com.healthcontent.editorial.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What changed between two versions of a piece of content, part by part: each change names its place as the API
 * names it ({@code sections[2].body}, {@code references[0].url}, {@code items[1].dose.holdSeconds}) with the value
 * before and after (absent when the part was added or removed).
 */
public final class RevisionDiff {

    /** The content's own fields only: annotations that add derived ones for clients (an {@code html}) are ignored. */
    private static final JsonMapper JSON =
            JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS).build();

    private RevisionDiff() {}

    /** {@code before} and {@code after} as JSON values (text, number, object, list), absent for an added or removed part. */
    public record Change(String path, Object before, Object after) {}

    public static List<Change> between(Object from, Object to) {
        List<Change> changes = new ArrayList<>();
        compare("", JSON.valueToTree(from), JSON.valueToTree(to), changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        boolean beforeAbsent = before == null || before.isNull();
        boolean afterAbsent = after == null || after.isNull();
        if (beforeAbsent && afterAbsent) {
            return;
        }
        if (!beforeAbsent && !afterAbsent && before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
            }
        } else if (!beforeAbsent && !afterAbsent && before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), changes);
            }
        } else if (beforeAbsent || afterAbsent || !before.equals(after)) {
            changes.add(new Change(path, beforeAbsent ? null : plain(before), afterAbsent ? null : plain(after)));
        }
    }

    private static Object plain(JsonNode value) {
        return JSON.treeToValue(value, Object.class);
    }
}
