package org.supertickets.ui.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the Monitor's charts plot against, as TensorBoard's "Horizontal axis" offers it: the epoch (the default),
 * the training step, the time since the run's first event, or the clock time. A value on a time axis is in
 * seconds since the run's start ({@link #RELATIVE}) or in milliseconds since 1970 ({@link #WALL}, as JFreeChart's
 * date axis counts).
 */
public enum XAxis {
    EPOCH("Epoch", "epoch"),
    STEP("Step", "step"),
    RELATIVE("Relative", "time since the run's start"),
    WALL("Wall", "wall-clock time");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final String title;
    private final String label;

    XAxis(String title, String label) {
        this.title = title;
        this.label = label;
    }

    /** The choice's name in the Monitor's header ("Relative"). */
    public String title() {
        return title;
    }

    /** The charts' x-axis label on this axis. */
    public String label() {
        return label;
    }

    /** Whether the axis needs the wall-clock times of the run's log. */
    public boolean timed() {
        return this == RELATIVE || this == WALL;
    }

    /**
     * A value on this axis as the hover read-out prints it: {@code "epoch 2.35"}, {@code "step 235"},
     * {@code "time 1:02:03"} (since the run's start) or {@code "at 21:47:03"} (the clock in {@code zone}).
     */
    public String describe(double value, ZoneId zone) {
        return switch (this) {
            case EPOCH -> String.format(Locale.ROOT, "epoch %.2f", value);
            case STEP -> String.format(Locale.ROOT, "step %.0f", value);
            case RELATIVE -> "time " + ElapsedTimeFormat.elapsed(value);
            case WALL -> "at " + CLOCK.format(Instant.ofEpochMilli(Math.round(value)).atZone(zone));
        };
    }

    @Override
    public String toString() {
        return title; // what a combo box shows
    }
}
