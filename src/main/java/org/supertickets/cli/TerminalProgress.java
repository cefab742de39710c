package org.supertickets.cli;

import java.util.Locale;
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

/** A progress bar with ETA on the terminal, plus one line per evaluation, shrink and pruning event. */
final class TerminalProgress implements TrainingListener, AutoCloseable {

    private final boolean quiet;
    private ProgressBar bar;

    TerminalProgress(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public synchronized void onEvent(TrainingEvent event) {
        if (quiet) {
            return;
        }
        if (event instanceof RunStarted s) {
            System.out.printf(Locale.ROOT, "%s on %s (%s): %d steps, supernet %,d MACs, %,d params%n",
                    s.resumed() ? "Resuming" : "Training", s.device(), s.engine(), s.totalSteps(), s.supernetMacs(),
                    s.supernetParams());
            bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(s.totalSteps())
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                    .startsFrom(s.step(), java.time.Duration.ZERO).build();
        } else if (event instanceof StepMetrics m && bar != null) {
            bar.stepTo(m.step());
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f acc %.3f %.0f img/s", m.trainLoss(),
                    m.trainAccuracy(), m.imagesPerSecond()));
        } else if (event instanceof EvalMetrics e) {
            println(String.format(Locale.ROOT, "epoch %5.2f  %s acc %.4f  sparsity %.3f (planned %.3f)  %,d MACs",
                    e.epoch(), e.onTestSet() ? "TEST" : "val", e.validationAccuracy(), e.sparsity(),
                    e.plannedSparsity(), e.macs()));
        } else if (event instanceof ShrinkEvent s) {
            println(String.format(Locale.ROOT, "epoch %5.2f  shrink: -%d channels, %,d -> %,d MACs", s.epoch(),
                    s.deadChannels() + s.targetChannels(), s.macsBefore(), s.macsAfter()));
        } else if (event instanceof PruneEvent p) {
            println(String.format(Locale.ROOT, "epoch %5.2f  prune #%d to %.2f: pruned->alive %d, alive->pruned %d",
                    p.epoch(), p.index(), p.sparsity(), p.reactivated(), p.newlyPruned()));
        }
    }

    private void println(String line) {
        if (bar != null) {
            System.out.print("\r");
        }
        System.out.println(line);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
