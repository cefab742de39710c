package org.supertickets.tensorboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.supertickets.prune.MaskCodec;
import org.supertickets.run.HostName;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;

/**
 * Writes a run as a TensorBoard event file next to its {@code metrics.jsonl}, so {@code tensorboard --logdir runs/}
 * shows our runs beside other work (one run per folder, named by the folder): its scalars, per layer a histogram
 * of the alive weights and of the depthwise channels' |γ| at every connectivity snapshot, and, once
 * {@link #describe described}, its config as text and its hyper-parameters for the hparams plugin (a session
 * that starts with the file and ends with the run). Optional ({@code run --tensorboard}); the run folder's JSON
 * lines stay the record.
 *
 * <p>The folder is known only once the run has created it: events that arrive before {@link #writeInto} are
 * kept and written then. A write that fails (disk full) is reported once and ends the TensorBoard log, never the
 * run.
 */
public final class TensorBoardLog implements TrainingListener, AutoCloseable {

    /** Every scalar tag this log writes, for the docs and the tests. */
    public static final List<String> TAGS = List.of("train/loss", "train/accuracy", "train/learning_rate",
            "train/rho", "train/gradient_norm", "train/images_per_second", "validation/accuracy", "validation/loss",
            "sparsity/weights", "sparsity/planned", "cost/macs", "cost/sparse_macs", "cost/params",
            "prune/reactivated", "prune/newly_pruned", "test/accuracy", "test/loss", "validation/mean_iou",
            "validation/mean_iou_objects", "test/mean_iou", "test/mean_iou_objects");

    /** Histogram tags are these prefixes plus a weight layer's name. */
    public static final String WEIGHTS_PREFIX = "weights/";
    public static final String GAMMA_PREFIX = "gamma/";

    /** The text tag of the config. */
    public static final String CONFIG_TAG = "config";

    private final DoubleSupplier wallClock;
    private final Consumer<String> warn;
    private final List<byte[]> pending = new ArrayList<>();
    private TfRecordWriter writer;
    private Path file;
    private boolean described;
    private boolean failed;

    /** Seconds since the epoch as wall time; warnings go to standard error. */
    public TensorBoardLog() {
        this(() -> System.currentTimeMillis() / 1000.0, System.err::println);
    }

    /**
     * @param wallClock seconds since the epoch (the events' wall time)
     * @param warn      receives the one message of a failed write
     */
    public TensorBoardLog(DoubleSupplier wallClock, Consumer<String> warn) {
        this.wallClock = wallClock;
        this.warn = warn;
    }

    /**
     * Starts the event file {@code events.out.tfevents.<seconds>.<host>} in {@code folder} and writes what
     * arrived so far. A resumed run gets a second file in the same folder; TensorBoard reads both as one run.
     *
     * @return the event file
     */
    public synchronized Path writeInto(Path folder) throws IOException {
        if (writer != null) {
            throw new IllegalStateException("already writing " + file);
        }
        double now = wallClock.getAsDouble();
        file = folder.resolve("events.out.tfevents." + (long) now + "." + HostName.get().replaceAll("[^A-Za-z0-9._-]",
                "_"));
        writer = new TfRecordWriter(file);
        write(EventProto.fileVersion(now));
        pending.forEach(this::write);
        pending.clear();
        return file;
    }

    /**
     * Adds what the events do not tell: the run's config as text ({@link #CONFIG_TAG}, its JSON as in
     * {@code config.json}, a Markdown code block) and its hyper-parameters as an hparams session start
     * ({@link ConfigHParams}), both at step 0. Before or after {@link #writeInto}; once.
     *
     * <p>A resumed run describes its second file too. TensorBoard keeps the first metadata of a tag in a run
     * (it expects restarted jobs to write theirs again), so the first file's session start stands and the
     * second's is ignored; it counts only where the first segment wrote no event file. The values are the same:
     * resume refuses a changed {@code config.json}.
     *
     * @param config the run's config, as its folder records it
     */
    public synchronized void describe(SearchSpaceConfig config) {
        if (described) {
            throw new IllegalStateException("the run is described already");
        }
        described = true;
        double now = wallClock.getAsDouble();
        String markdown = "```json\n" + ConfigIo.toJson(config).strip() + "\n```\n";
        append(EventProto.text(now, 0, CONFIG_TAG, markdown));
        append(EventProto.pluginData(now, 0, HParamsProto.SESSION_START_TAG, HParamsProto.PLUGIN_NAME,
                HParamsProto.sessionStart(ConfigHParams.of(config), now)));
    }

    @Override
    public synchronized void onEvent(TrainingEvent event) {
        if (failed) {
            return;
        }
        double now = wallClock.getAsDouble();
        long step = stepOf(event);
        Map<String, Double> scalars = scalarsOf(event);
        if (!scalars.isEmpty()) {
            append(EventProto.scalars(now, step, scalars));
        }
        if (event instanceof ConnectivitySnapshot snapshot) {
            Map<String, Histogram> histograms = histogramsOf(snapshot);
            if (!histograms.isEmpty()) {
                append(EventProto.histograms(now, step, histograms));
            }
        }
        if (event instanceof RunFinished finished && sessionStatusOf(finished) != null) {
            append(EventProto.pluginData(now, step, HParamsProto.SESSION_END_TAG, HParamsProto.PLUGIN_NAME,
                    HParamsProto.sessionEnd(sessionStatusOf(finished), now)));
        }
    }

    /**
     * The hparams session's end: SUCCESS for a completed run, FAILURE for a failed one; none for a cancelled
     * run. TensorBoard keeps the first end of a run, and a cancelled run is one to resume: an end written now
     * would stand for the whole run after it completes. (A failed run that is resumed keeps its FAILURE.)
     */
    private static HParamsProto.Status sessionStatusOf(RunFinished finished) {
        return switch (finished.outcome()) {
            case COMPLETED -> HParamsProto.Status.SUCCESS;
            case FAILED -> HParamsProto.Status.FAILURE;
            case CANCELLED -> null;
        };
    }

    private void append(byte[] record) {
        if (writer == null) {
            pending.add(record);
        } else {
            write(record);
        }
    }

    /** The scalars an event contributes, by tag; empty for events with none. */
    static Map<String, Double> scalarsOf(TrainingEvent event) {
        Map<String, Double> s = new LinkedHashMap<>();
        if (event instanceof StepMetrics m) {
            s.put("train/loss", m.trainLoss());
            s.put("train/accuracy", m.trainAccuracy());
            s.put("train/learning_rate", m.learningRate());
            s.put("train/rho", m.rho());
            s.put("train/gradient_norm", m.gradientNorm());
            s.put("train/images_per_second", m.imagesPerSecond());
        } else if (event instanceof EvalMetrics e) {
            // A run without a validation split evaluates on the test set: its curves are named for it.
            String set = e.onTestSet() ? "test" : "validation";
            s.put(set + "/accuracy", e.validationAccuracy());
            s.put(set + "/loss", e.validationLoss());
            if (e.segmentation() != null) {
                s.put(set + "/mean_iou", e.segmentation().meanIou());
                s.put(set + "/mean_iou_objects", e.segmentation().meanIouWithoutBackground());
            }
            s.put("sparsity/weights", e.sparsity());
            s.put("sparsity/planned", e.plannedSparsity());
            s.put("cost/macs", (double) e.macs());
            s.put("cost/sparse_macs", (double) e.sparseMacs());
            s.put("cost/params", (double) e.params());
        } else if (event instanceof PruneEvent p) {
            s.put("prune/reactivated", (double) p.reactivated());
            s.put("prune/newly_pruned", (double) p.newlyPruned());
        } else if (event instanceof RunFinished f && f.outcome() == RunFinished.Outcome.COMPLETED) {
            s.put("test/accuracy", f.testAccuracy());
            s.put("test/loss", f.testLoss());
            if (f.testSegmentation() != null) {
                s.put("test/mean_iou", f.testSegmentation().meanIou());
                s.put("test/mean_iou_objects", f.testSegmentation().meanIouWithoutBackground());
            }
        }
        return s;
    }

    /**
     * Per layer, the histogram of its alive weights ({@code weights/<layer>}, from the snapshot's int8 copy, so a
     * bucket is never finer than one level of {@code weightScale/127}; only where the snapshot kept weights) and,
     * for a depthwise layer, of |γ| of its surviving channels ({@code gamma/<layer>}). Layers with nothing alive
     * are left out.
     */
    static Map<String, Histogram> histogramsOf(ConnectivitySnapshot snapshot) {
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        for (LayerSnapshot layer : snapshot.layers()) {
            if (layer.weights() != null) {
                putIfAny(histograms, WEIGHTS_PREFIX + layer.name(), Histogram.of(aliveWeights(layer)));
            }
        }
        for (LayerSnapshot layer : snapshot.layers()) {
            if (layer.importance() != null) {
                double[] gamma = new double[layer.importance().length];
                for (int i = 0; i < gamma.length; i++) {
                    gamma[i] = layer.importance()[i];
                }
                putIfAny(histograms, GAMMA_PREFIX + layer.name(), Histogram.of(gamma));
            }
        }
        return histograms;
    }

    private static double[] aliveWeights(LayerSnapshot layer) {
        int n = Math.toIntExact(layer.total());
        float[] weights = MaskCodec.decodeWeights(layer.weights(), n, layer.weightScale());
        boolean[] alive = MaskCodec.decodeMask(layer.mask(), n);
        double[] kept = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (alive[i]) {
                kept[k++] = weights[i];
            }
        }
        return java.util.Arrays.copyOf(kept, k);
    }

    private static void putIfAny(Map<String, Histogram> histograms, String tag, Histogram histogram) {
        if (histogram != null) {
            histograms.put(tag, histogram);
        }
    }

    private static long stepOf(TrainingEvent event) {
        if (event instanceof StepMetrics m) {
            return m.step();
        } else if (event instanceof EvalMetrics e) {
            return e.step();
        } else if (event instanceof PruneEvent p) {
            return p.step();
        } else if (event instanceof RunFinished f) {
            return f.step();
        } else if (event instanceof ConnectivitySnapshot s) {
            return s.step();
        }
        return 0;
    }

    private void write(byte[] record) {
        if (failed) {
            return;
        }
        try {
            writer.write(record);
        } catch (IOException e) {
            failed = true;
            warn.accept("TensorBoard log stopped: cannot write " + file + ": " + e.getMessage()
                    + " (the run goes on; metrics.jsonl has every value)");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
