package org.supertickets.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.supertickets.run.RunSummary;

/**
 * What tells the settings of a comparison apart, in words: a setting is named by a hash of its config, which says
 * nothing to a reader, so each is described by the config values in which it differs from the first setting of
 * the same method and dataset (e.g. {@code minLayerDensity=0.02 lrRestartAtTarget=true}). The first one, the
 * reference, has no description.
 */
public final class SettingDifferences {

    private SettingDifferences() {
    }

    /** Setting hash to its description; the reference setting of each method and dataset maps to "". */
    public static Map<String, String> of(List<RunSummary> runs) {
        Map<String, RunSummary> reference = new LinkedHashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            RunSummary first = reference.computeIfAbsent(r.method() + "\n" + r.dataset(), k -> r);
            out.computeIfAbsent(r.setting(), s -> describe(r.settingValues(), first.settingValues()));
        }
        return out;
    }

    /** The values of {@code setting} that differ from {@code reference}, by their field name. */
    static String describe(Map<String, String> setting, Map<String, String> reference) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : setting.entrySet()) {
            if (!Objects.equals(e.getValue(), reference.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String path : reference.keySet()) {
            if (!setting.containsKey(path)) {
                changed.add(path);
            }
        }
        List<String> parts = new ArrayList<>();
        for (String path : changed) {
            parts.add(shortName(path, setting.keySet()) + "=" + setting.getOrDefault(path, "-"));
        }
        return String.join(" ", parts);
    }

    /** The field's own name, or its whole path where another field of the config has the same name. */
    private static String shortName(String path, java.util.Set<String> allPaths) {
        String leaf = leaf(path);
        long sameLeaf = allPaths.stream().filter(p -> leaf(p).equals(leaf)).count();
        return sameLeaf > 1 ? path : leaf;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** How a comparison names a setting: its method and hash, and what sets it apart from the reference. */
    public static String label(RunSummary r, Map<String, String> descriptions) {
        String description = descriptions.getOrDefault(r.setting(), "");
        return r.method() + " [" + r.setting() + "]" + (description.isEmpty() ? "" : " " + description);
    }
}
