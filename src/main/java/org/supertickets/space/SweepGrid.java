package org.supertickets.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's grid: axes {@code KEY=V1,V2,...} (a dotted config field or {@code method}) and every combination of
 * their values as a validated config, named after its values. Shared by {@code sweep} and the workbench's
 * Submit sweep dialog, so both run the same points.
 */
public final class SweepGrid {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepGrid() {
    }

    /**
     * The axes, in the order given.
     *
     * @throws IllegalArgumentException when an axis is not KEY=V1,V2,...
     */
    public static Map<String, List<String>> parse(List<String> grid) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String g : grid) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) {
                throw new IllegalArgumentException("'" + g + "' is not KEY=V1,V2,...");
            }
            axes.put(g.substring(0, eq).trim(), List.of(g.substring(eq + 1).split(",")));
        }
        return axes;
    }

    /** A grid point on its way: the config as JSON and the method to apply once every other axis is set. */
    private record Point(ObjectNode node, TrainingMethod method) {
    }

    /**
     * Every combination of the axes, each validated, named after its values. The method is applied after the
     * other axes, so a method that derives a field from another (one-shot: increment = target) sees the grid's
     * value of it whatever the order of the axes.
     */
    public static List<SearchSpaceConfig> expand(SearchSpaceConfig base, Map<String, List<String>> axes)
            throws ConfigException {
        List<Point> points = new ArrayList<>();
        points.add(new Point((ObjectNode) JSON.valueToTree(base), null));
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Point> next = new ArrayList<>();
            for (Point point : points) {
                for (String value : axis.getValue()) {
                    ObjectNode copy = point.node().deepCopy();
                    TrainingMethod method = point.method();
                    if (axis.getKey().equals("method")) {
                        method = TrainingMethod.fromLabel(value.trim());
                    } else {
                        set(copy, axis.getKey(), value.trim());
                    }
                    copy.put("name", copy.path("name").asText() + "-" + shortKey(axis.getKey()) + value.trim());
                    next.add(new Point(copy, method));
                }
            }
            points = next;
        }
        List<SearchSpaceConfig> configs = new ArrayList<>();
        for (Point point : points) {
            if (point.method() != null) {
                applyMethod(point.node(), point.method());
            }
            configs.add(ConfigIo.parseResolved(Path.of("sweep point " + point.node().path("name").asText()),
                    point.node().toString()));
        }
        return configs;
    }

    private static void applyMethod(ObjectNode root, TrainingMethod method) {
        try {
            SearchSpaceConfig point = method.applyTo(JSON.treeToValue(root, SearchSpaceConfig.class));
            root.set("search", JSON.valueToTree(point.search()));
            root.set("pruning", JSON.valueToTree(point.pruning()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a resolved config did not read back", e);
        }
    }

    private static void set(ObjectNode root, String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                throw new IllegalArgumentException("'" + key + "' is not a config field");
            }
            node = (ObjectNode) child;
        }
        String field = parts[parts.length - 1];
        if (!node.has(field)) {
            throw new IllegalArgumentException("'" + key + "' is not a config field");
        }
        try {
            node.set(field, JSON.readTree(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            node.put(field, value);
        }
    }

    private static String shortKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return last.equals("method") ? "" : last + "=";
    }
}
