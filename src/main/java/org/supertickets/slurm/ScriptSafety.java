package org.supertickets.slurm;

import java.util.Locale;
import java.util.Optional;

/**
 * What may reach a job script. Values inside the script's commands are single-quoted, but {@code #SBATCH} lines are
 * read by sbatch, not bash, and cannot be quoted against a line break: a newline in a path there ends the directive
 * and the rest becomes a line of the script, which runs on the compute node. So every value that reaches the script
 * is refused when it holds a control character, before anything is written or submitted.
 */
public final class ScriptSafety {

    private ScriptSafety() {
    }

    /**
     * Refuses {@code value} when it holds a control character (line breaks, tabs, escapes, NUL, DEL, C1 controls).
     *
     * @param what names the value for the message, e.g. {@code --out}
     * @throws IllegalArgumentException naming the value, the character, its position and the fix
     */
    public static void requireNoControlCharacter(String what, String value) {
        firstControlCharacter(value).ifPresent(problem -> {
            throw new IllegalArgumentException(what + " '" + visible(value) + "' holds " + problem + "; in the job "
                    + "script it would end the line and run the rest as a command on the compute node. Fix: choose "
                    + "a name without control characters (line breaks, tabs, escapes).");
        });
    }

    /** Where {@code value} first holds a control character, in words; empty when it holds none. */
    static Optional<String> firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(describe(c) + " at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /** {@code value} with every control character shown as an escape, so a message never prints one raw. */
    static String visible(String value) {
        StringBuilder shown = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> shown.append(Character.isISOControl(c)
                        ? String.format(Locale.ROOT, "\\u%04X", c) : String.valueOf((char) c));
            }
        });
        return shown.toString();
    }

    private static String describe(char c) {
        return switch (c) {
            case '\n' -> "a line break (\\n)";
            case '\r' -> "a carriage return (\\r)";
            case '\t' -> "a tab";
            default -> String.format(Locale.ROOT, "the control character U+%04X", (int) c);
        };
    }
}
