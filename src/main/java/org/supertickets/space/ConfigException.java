package org.supertickets.space;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A config file cannot be used; the message names the file and every problem with its fix. */
public class ConfigException extends Exception {

    private final Path file;
    private final List<ValidationIssue> issues;

    public ConfigException(Path file, List<ValidationIssue> issues) {
        super(file + ": " + (issues.size() == 1 ? "1 problem" : issues.size() + " problems") + "\n"
                + issues.stream().map(i -> "  - " + i).collect(Collectors.joining("\n")));
        this.file = file;
        this.issues = List.copyOf(issues);
    }

    public ConfigException(Path file, ValidationIssue issue) {
        this(file, List.of(issue));
    }

    public Path file() {
        return file;
    }

    public List<ValidationIssue> issues() {
        return issues;
    }
}
