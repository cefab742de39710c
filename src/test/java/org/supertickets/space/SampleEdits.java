package org.supertickets.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sample configs with one field changed, addressed by the same paths the validator reports. */
final class SampleEdits {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)|\\[(\\d+)]");

    private SampleEdits() {
    }

    static Path sample(String name) {
        return Path.of("sample-configs", name + ".json");
    }

    /** The sample's JSON text with the field at {@code path} set to {@code jsonValue} (JSON text). */
    static String edit(String sample, String path, String jsonValue) {
        return edit(sample, new String[] {path, jsonValue});
    }

    /** The sample's JSON text with several fields set: path, JSON value, path, JSON value, ... */
    static String edit(String sample, String... pathsAndValues) {
        try {
            JsonNode root = JSON.readTree(Files.readString(sample(sample)));
            for (int e = 0; e < pathsAndValues.length; e += 2) {
                set(root, pathsAndValues[e], JSON.readTree(pathsAndValues[e + 1]));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
        }
        JsonNode parent = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    /** The resolved sample with several fields changed (not validated): path, JSON value, path, JSON value, ... */
    static SearchSpaceConfig resolvedWithAll(String sample, String... pathsAndValues) throws ConfigException {
        return ConfigResolver.resolve(ConfigIo.parse(Path.of(sample + ".json"), edit(sample, pathsAndValues)));
    }

    /** The resolved sample with one field changed (not validated). */
    static SearchSpaceConfig resolvedWith(String sample, String path, String jsonValue) throws ConfigException {
        return ConfigResolver.resolve(ConfigIo.parse(Path.of(sample + ".json"), edit(sample, path, jsonValue)));
    }

    /** The issues of the resolved quickstart sample with one field changed. */
    static List<ValidationIssue> quickstartIssuesWith(String path, String jsonValue) throws ConfigException {
        return ConfigValidator.validate(resolvedWith("quickstart", path, jsonValue));
    }

    static List<String> paths(List<ValidationIssue> issues) {
        return issues.stream().map(ValidationIssue::path).toList();
    }
}
