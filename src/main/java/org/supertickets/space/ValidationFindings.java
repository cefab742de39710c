package org.supertickets.space;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ConfigValidator}'s section checks found, in the order they found it, and the checks every section
 * shares (a missing section or value, a range, one of a list of names, an epoch within the run, a kernel size, a
 * stride), so a range is worded the same in every section.
 */
final class ValidationFindings {

    /** Tolerance for comparing epoch counts computed in floating point (0.1 * 3 events is 0.30000000000000004). */
    static final double EPS = 1e-9;

    private final List<ValidationIssue> issues = new ArrayList<>();
    private final List<ValidationIssue> warnings = new ArrayList<>();

    List<ValidationIssue> issues() {
        return List.copyOf(issues);
    }

    List<ValidationIssue> warnings() {
        return List.copyOf(warnings);
    }

    void add(String path, String message, String fix) {
        issues.add(new ValidationIssue(path, message, fix));
    }

    void warn(String path, String message, String fix) {
        warnings.add(new ValidationIssue(path, message, fix));
    }

    boolean noIssueAt(String... prefixes) {
        return issues.stream().noneMatch(i -> List.of(prefixes).stream().anyMatch(i.path()::startsWith));
    }

    /** False (and an issue) when a whole section is missing, as in a half-edited or unresolved config. */
    boolean section(String path, Object value) {
        if (value == null) {
            add(path, "is missing",
                    "add the " + path + " section, or resolve the config so its defaults are filled in");
            return false;
        }
        return true;
    }

    void required(String path, Object value, String message, String fix) {
        if (value == null) {
            add(path, message, fix);
        }
    }

    void flag(String path, Boolean value) {
        if (value == null) {
            add(path, "is missing", "use true or false");
        }
    }

    /** True when the value is one of the field's names ({@link FieldRules}); otherwise an issue that lists them. */
    boolean oneOf(String path, String value) {
        List<String> allowed = FieldRules.names(path);
        if (value != null && allowed.contains(value)) {
            return true;
        }
        add(path, value == null ? "is missing" : "'" + value + "' is not one of " + String.join(", ", allowed)
                + ClosestName.hint(value, allowed), "use one of " + String.join(", ", allowed));
        return false;
    }

    /** {@link #range(String, Number, String)} when the value is there; a missing one is reported elsewhere. */
    void rangeIfPresent(String path, Number value, String fix) {
        rangeIfPresent(path, value, FieldRules.interval(path), fix);
    }

    /** {@link #range(String, Number, Interval, String)} when the value is there. */
    void rangeIfPresent(String path, Number value, Interval allowed, String fix) {
        if (value != null) {
            range(path, value, allowed, fix);
        }
    }

    /** The field's own interval ({@link FieldRules}), with a fix that names it. */
    void range(String path, Number value) {
        Interval allowed = FieldRules.interval(path);
        range(path, value, allowed, allowed.minIncluded() && allowed.maxIncluded()
                ? "give a value from " + fmt(allowed.min()) + " to " + fmt(allowed.max())
                : "give a value in " + allowed);
    }

    /** The field's own interval ({@link FieldRules}). */
    void range(String path, Number value, String fix) {
        range(path, value, FieldRules.interval(path), fix);
    }

    /**
     * Missing, NaN and out-of-range values are all reported; the message keeps the form "is V, outside A..B". Give
     * an interval other than the field's own only where the rest of the config narrows it.
     */
    void range(String path, Number value, Interval allowed, String fix) {
        if (value == null) {
            add(path, "is missing", fix);
            return;
        }
        if (!allowed.contains(value.doubleValue())) {
            add(path, "is " + value + ", outside " + allowed, fix);
        }
    }

    /**
     * An epoch within the run: 0..epochs. Only the lower bound while training.epochs is itself invalid, and for
     * a setting that is switched off (the end epoch of a MACs target of 0, of a schedule not chosen): what is not
     * in effect must not stop a run, e.g. one shortened to fewer epochs than the unused end epoch.
     */
    void epochRange(String path, Double value, Integer epochs) {
        Interval own = FieldRules.interval(path);
        range(path, value, epochs == null ? own : own.upTo(epochs), "give an epoch from " + fmt(own.min())
                + " to training.epochs" + (epochs == null ? "" : " (" + epochs + ")"));
    }

    /** A number of epochs between two events: above 0 ({@link FieldRules}) and at most the run's length. */
    void interval(String path, Double value, Integer epochs) {
        Interval own = FieldRules.interval(path);
        String bound = epochs == null ? "" : " (" + epochs + ")";
        if (value == null || !own.contains(value) || epochs != null && value > epochs + EPS) {
            add(path, (value == null ? "is missing" : "is " + value) + "; it must be above " + fmt(own.min())
                    + " and at most training.epochs" + bound,
                    "give a number of epochs in (" + fmt(own.min()) + ", training.epochs" + bound + "], e.g. 1");
        }
    }

    static boolean validKernel(Integer k) {
        return k != null && k >= FieldRules.MIN_KERNEL && k % 2 == 1;
    }

    static boolean validStride(Integer s) {
        return s != null && FieldRules.STRIDES.contains(s);
    }

    void kernel(String path, Integer k) {
        if (!validKernel(k)) {
            add(path, "kernel size " + k + " is not an odd number of at least " + FieldRules.MIN_KERNEL,
                    "use an odd size such as 3, 5 or 7 (an even kernel cannot be centred on a pixel, so 'same' padding "
                    + "would shift the feature map)");
        }
    }

    void stride(String path, Integer s) {
        if (!validStride(s)) {
            add(path, "stride " + s + " is not 1 or 2", "use 1 (keep the resolution) or 2 (halve it)");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A bound or a computed number for a message: whole numbers without ".0", others to 6 decimals. */
    static String fmt(double v) {
        if (v >= Long.MAX_VALUE) {
            return "any";
        }
        double rounded = Math.abs(v) < 1e9 ? Math.round(v * 1e6) / 1e6 : v;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
