package org.supertickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mechanical part of the style, checked on every {@code mvn test} so diffs stay small: in every {@code .java} file
 * under {@code src/}, LF line ends and a final newline, no tabs, no trailing white space, at most 120 columns, no
 * wildcard imports (static ones aside: {@code ConfigDefaults.*} reads as "the defaults"), no unused imports. No
 * formatter plugin is in the offline Maven repository, so these few rules, which the code already keeps, stand in for
 * one.
 */
class SourceStyleTest {

    static final int MAX_COLUMNS = 120;

    /**
     * Files that break a rule today and are left as they are on purpose, with why. Keep it short: each entry must still
     * break a rule (frozenFilesStillNeedTheirEntry), so a cleaned file leaves the list.
     */
    private static final Map<String, String> FROZEN = Map.of();

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)\\.(\\w+|\\*)\\s*;\\s*$");

    @Test
    void sourcesKeepTheMechanicalRules() throws IOException {
        Map<String, List<String>> problems = problemsByFile();
        FROZEN.keySet().forEach(problems::remove);
        List<String> lines = new ArrayList<>();
        problems.forEach((file, list) -> list.forEach(p -> lines.add(file + ":" + p)));
        assertEquals(List.of(), lines, "style problems (fix them; the rules are in SourceStyleTest's Javadoc)");
    }

    @Test
    void frozenFilesStillNeedTheirEntry() throws IOException {
        Map<String, List<String>> problems = problemsByFile();
        List<String> clean = FROZEN.keySet().stream().filter(f -> !problems.containsKey(f)).sorted().toList();
        assertEquals(List.of(), clean, "these files keep the rules now: remove them from SourceStyleTest.FROZEN");
    }

    /** Every problem, by file (relative to the project, with '/'), each as "line: what". */
    private static Map<String, List<String>> problemsByFile() throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> problems = problems(Files.readString(file, StandardCharsets.UTF_8));
                if (!problems.isEmpty()) {
                    out.put(file.toString().replace('\\', '/'), problems);
                }
            }
        }
        return out;
    }

    static List<String> problems(String text) {
        List<String> out = new ArrayList<>();
        if (text.indexOf('\r') >= 0) {
            out.add("1: carriage return (use LF line ends)");
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.add("end: no newline at the end of the file");
        }
        String[] lines = text.split("\n", -1);
        StringBuilder code = new StringBuilder();
        List<String[]> imports = new ArrayList<>(); // {line number, simple name}
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int n = i + 1;
            if (line.indexOf('\t') >= 0) {
                out.add(n + ": tab (indent with spaces)");
            }
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                out.add(n + ": trailing white space");
            }
            int columns = line.codePointCount(0, line.length());
            if (columns > MAX_COLUMNS) {
                out.add(n + ": " + columns + " columns (at most " + MAX_COLUMNS + ")");
            }
            Matcher m = IMPORT.matcher(line);
            if (m.matches()) {
                if (m.group(3).equals("*")) {
                    if (m.group(1) == null) {
                        out.add(n + ": wildcard import " + m.group(2) + ".* (name each class)");
                    }
                } else {
                    imports.add(new String[] {Integer.toString(n), m.group(3)});
                }
            } else {
                code.append(line).append('\n');
            }
        }
        // Javadoc references count as uses, as in checkstyle's UnusedImports with processJavadoc.
        for (String[] imported : imports) {
            if (!Pattern.compile("\\b" + imported[1] + "\\b").matcher(code).find()) {
                out.add(imported[0] + ": unused import " + imported[1]);
            }
        }
        return out;
    }

    @Test
    void theRulesCatchWhatTheySay() {
        String good = "package a;\n\nimport java.util.List;\n\nclass A {\n    List<String> x;\n}\n";
        assertEquals(List.of(), problems(good));
        String bad = "package a;\n\nimport java.util.*;\nimport java.util.Map;\nimport static java.lang.Math.*;\n\n"
                + "class A {\r\n\tint x; \n    String s = \"" + "y".repeat(MAX_COLUMNS) + "\";\n}";
        assertEquals(List.of(
                "1: carriage return (use LF line ends)",
                "end: no newline at the end of the file",
                "3: wildcard import java.util.* (name each class)",
                "7: trailing white space",
                "8: tab (indent with spaces)",
                "8: trailing white space",
                "9: 138 columns (at most 120)",
                "4: unused import Map"), problems(bad));
    }
}
