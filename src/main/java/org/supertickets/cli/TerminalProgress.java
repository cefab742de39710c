package org.supertickets.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunStarted;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;

/**
 * Progress on the console, plus one line per evaluation, shrink and pruning event. On a terminal a progress bar
 * with ETA redraws itself in place; when the output is a file or a pipe (no console: {@code nohup}, a batch job,
 * {@code | tee}) a redrawn bar would fill the log with carriage returns, so one plain line is printed per
 * interval instead.
 */
final class TerminalProgress implements TrainingListener, AutoCloseable {

    /** Wall time between two progress lines when the output is not a terminal. */
    static final Duration LINE_INTERVAL = Duration.ofSeconds(30);

    private final boolean quiet;
    private final boolean terminal;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private ProgressBar bar;
    private RunStarted started;
    private long startNanos;
    private long lastLineNanos;

    TerminalProgress(boolean quiet) {
        this(quiet, System.console() != null, System.out, System::nanoTime);
    }

    /**
     * @param terminal  true to redraw a bar in place, false for one line per {@link #LINE_INTERVAL}
     * @param nanoClock the time source of the intervals and the ETA
     */
    TerminalProgress(boolean quiet, boolean terminal, PrintStream out, LongSupplier nanoClock) {
        this.quiet = quiet;
        this.terminal = terminal;
        this.out = out;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void onEvent(TrainingEvent event) {
        if (quiet) {
            return;
        }
        if (event instanceof RunStarted s) {
            started = s;
            startNanos = nanoClock.getAsLong();
            lastLineNanos = startNanos;
            out.printf(Locale.ROOT, "%s on %s (%s): %d steps, supernet %,d MACs, %,d params%n",
                    s.resumed() ? "Resuming" : "Training", s.device(), s.engine(), s.totalSteps(), s.supernetMacs(),
                    s.supernetParams());
            if (terminal) {
                bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(s.totalSteps())
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                        .startsFrom(s.step(), Duration.ZERO).build();
            }
        } else if (event instanceof StepMetrics m) {
            String numbers = String.format(Locale.ROOT, "loss %.3f acc %.3f %.0f img/s", m.trainLoss(),
                    m.trainAccuracy(), m.imagesPerSecond());
            if (bar != null) {
                bar.stepTo(m.step());
                bar.setExtraMessage(numbers);
            } else if (started != null) {
                long now = nanoClock.getAsLong();
                if (now - lastLineNanos >= LINE_INTERVAL.toNanos()) {
                    lastLineNanos = now;
                    out.println(progressLine(m.step(), now) + "  " + numbers);
                }
            }
        } else if (event instanceof EvalMetrics e) {
            println(String.format(Locale.ROOT, "epoch %5.2f  %s acc %.4f%s  sparsity %.3f (planned %.3f)  %,d MACs",
                    e.epoch(), e.onTestSet() ? "TEST" : "val", e.validationAccuracy(),
                    org.supertickets.train.SegmentationMetrics.suffix(e.segmentation()), e.sparsity(),
                    e.plannedSparsity(), e.macs()));
        } else if (event instanceof ShrinkEvent s) {
            println(String.format(Locale.ROOT, "epoch %5.2f  shrink: -%d channels, %,d -> %,d MACs%s", s.epoch(),
                    s.deadChannels() + s.targetChannels(), s.macsBefore(), s.macsAfter(),
                    s.resetByShrink() == null || s.resetByShrink() == 0 ? ""
                            : String.format(Locale.ROOT, ", %,d reset by the shrink", s.resetByShrink())));
        } else if (event instanceof PruneEvent p) {
            println(String.format(Locale.ROOT, "epoch %5.2f  prune #%d to %.2f: %s", p.epoch(), p.index(),
                    p.sparsity(), p.countsText()));
        }
    }

    /** "train 1200/5000 (24%)  elapsed 1m05s  ETA 3m26s": the bar's facts as one line. */
    private String progressLine(long step, long now) {
        long total = started.totalSteps();
        long done = step - started.step();
        double elapsed = (now - startNanos) / 1e9;
        String eta = done <= 0 ? "?" : duration(elapsed / done * (total - step));
        return String.format(Locale.ROOT, "train %d/%d (%.0f%%)  elapsed %s  ETA %s", step, total,
                total == 0 ? 100.0 : 100.0 * step / total, duration(elapsed), eta);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private void println(String line) {
        if (bar != null) {
            out.print("\r");
        }
        out.println(line);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
