package org.supertickets.space;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file cannot be used. The message names the file (with {@code :line:column} when the problem has a
 * place in the text) and every problem with its fix; {@link #issues()} gives the same problems one by one, so the
 * designer can show each next to its field.
 */
public class ConfigException extends Exception {

    private final Path file;
    private final List<ValidationIssue> issues;
    private final int line;
    private final int column;

    /** Problems without a place in the text (validation of a parsed config). */
    public ConfigException(Path file, List<ValidationIssue> issues) {
        this(file, issues, -1, -1);
    }

    public ConfigException(Path file, ValidationIssue issue) {
        this(file, List.of(issue), -1, -1);
    }

    /** A problem at a place in the text; {@code line} and {@code column} are 1-based, -1 when unknown. */
    public ConfigException(Path file, ValidationIssue issue, int line, int column) {
        this(file, List.of(issue), line, column);
    }

    /** Several problems, the first at a place in the text; {@code line} and {@code column} are 1-based or -1. */
    public ConfigException(Path file, List<ValidationIssue> issues, int line, int column) {
        super(header(file, issues, line, column) + "\n"
                + issues.stream().map(i -> "  - " + i).collect(Collectors.joining("\n")));
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one issue");
        }
        this.file = file;
        this.issues = List.copyOf(issues);
        this.line = line;
        this.column = column;
    }

    private static String header(Path file, List<ValidationIssue> issues, int line, int column) {
        String place = line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "";
        return file + place + ": " + (issues.size() == 1 ? "1 problem" : issues.size() + " problems");
    }

    public Path file() {
        return file;
    }

    public List<ValidationIssue> issues() {
        return issues;
    }

    /** 1-based line of the problem in the file, or -1 when it has none (e.g. a value out of range). */
    public int line() {
        return line;
    }

    /** 1-based column of the problem in the file, or -1. */
    public int column() {
        return column;
    }
}
