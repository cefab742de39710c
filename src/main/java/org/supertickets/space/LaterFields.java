package org.supertickets.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The config fields added after run folders already existed, and the value each had before it existed (its
 * neutral value). A config recorded before a field existed ran with that value ({@link #fillAbsent}), and a field
 * at that value is left out of the hash ({@link #withoutNeutral}), so an older folder still resumes — add every
 * new field here with its neutral default.
 */
final class LaterFields {

    /**
     * Each later field with the value that means "as before" (a checkpoint's hash is checked against the config,
     * so a field at this value must not change the hash).
     */
    private static final Map<String, Object> AT_NEUTRAL = Map.ofEntries(
            Map.entry("pruning.criterion", "magnitude"),
            Map.entry("pruning.minLayerDensity", 0.0),
            Map.entry("pruning.lrRestartAtTarget", false),
            Map.entry("pruning.distillAtTarget", 0.0),
            Map.entry("training.nesterov", false),
            Map.entry("training.rmspropDecay", 0.9),
            Map.entry("training.optimizerEpsilon", 0.001),
            Map.entry("network.skipPath", ConfigDefaults.AS_BEFORE_SKIP_PATH),
            Map.entry("network.bnEpsilon", ConfigDefaults.AS_BEFORE_BN_EPSILON),
            Map.entry("network.bnMomentum", ConfigDefaults.AS_BEFORE_BN_MOMENTUM),
            Map.entry("network.initialization", ConfigDefaults.AS_BEFORE_INITIALIZATION),
            Map.entry("task", ConfigDefaults.TASK));
    // and training.ema while it is off (withoutNeutral)

    /** Sections added later whose every field may be at its neutral value: then the empty section goes too. */
    private static final List<String> LATER_SECTIONS = List.of("network");

    private LaterFields() {
    }

    /**
     * Sets every later field that {@code tree} (a recorded config) lacks to the value it ran with; fields it has
     * are kept.
     */
    static void fillAbsent(ObjectNode tree, ObjectMapper mapper) {
        AT_NEUTRAL.forEach((path, neutral) -> setIfAbsent(tree, path, neutral, mapper));
        setIfAbsent(tree, "training.ema.enabled", ConfigDefaults.AS_BEFORE_EMA_ENABLED, mapper);
    }

    private static void setIfAbsent(ObjectNode root, String path, Object value, ObjectMapper mapper) {
        String[] names = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(names[i]);
        }
        String field = names[names.length - 1];
        if (parent.path(field).isMissingNode() || parent.get(field).isNull()) {
            parent.set(field, mapper.valueToTree(value));
        }
    }

    /**
     * Removes from a config's tree every later field at its neutral value, an average that is off, and a later
     * section left empty: what the hash leaves out.
     */
    static JsonNode withoutNeutral(JsonNode tree, ObjectMapper canonical) {
        JsonNode ema = tree.path("training").path("ema");
        boolean emaOff = ema.isObject() && !ema.path("enabled").asBoolean(false);
        AT_NEUTRAL.forEach((path, neutral) -> {
            int dot = path.lastIndexOf('.');
            JsonNode parent = dot < 0 ? tree : tree.at("/" + path.substring(0, dot).replace('.', '/'));
            String field = path.substring(dot + 1);
            if (parent instanceof ObjectNode object && object.has(field)
                    && object.get(field).equals(canonical.valueToTree(neutral))) {
                object.remove(field);
            }
        });
        if (emaOff && tree.path("training") instanceof ObjectNode training) {
            training.remove("ema"); // an average that is off changes nothing, whatever its decay
        }
        for (String section : LATER_SECTIONS) {
            if (tree instanceof ObjectNode root && root.path(section).isObject() && root.path(section).isEmpty()) {
                root.remove(section);
            }
        }
        return tree;
    }
}
