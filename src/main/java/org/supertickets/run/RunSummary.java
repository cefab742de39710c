package org.supertickets.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.PruningConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingMethod;
import org.supertickets.ticket.TicketRunPlan;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.SegmentationMetrics;

/**
 * One finished run in a comparison: what method it was and what its ticket measured.
 *
 * @param run            run folder name
 * @param method         a {@link TrainingMethod} label, what a frozen run did to a ticket (see
 *                       {@link #methodOf}) or a pipeline's method (e.g. {@code search-train-imp})
 * @param dataset        dataset name
 * @param seed           seed
 * @param testAccuracy   the ticket's test accuracy
 * @param sparsity       weight sparsity
 * @param weightsRemaining share of prunable weights alive (1 - sparsity)
 * @param macs           dense MACs of the final network
 * @param sparseMacs     official sparse MACs
 * @param params         dense parameters
 * @param supernetMacs   MACs of the supernet it started from
 * @param trainingMacs   training compute spent (ours, see docs/metrics.md)
 * @param wallSeconds    wall time
 * @param setting        what the run's seeds share: a short hash of its config without seed and name (runs with
 *                       the same method and setting are seeds of one point of a comparison)
 * @param settingValues  that config's values by path ({@link #settingValuesOf}), to say in words how
 *                       settings differ; empty where unknown
 * @param testSegmentation a segmentation run's test mean IoU (with and without the background) and per-class IoU;
 *                       its {@code testAccuracy} is then the pixel accuracy. Null for classification
 * @param validationAccuracy the ticket's accuracy on the validation split (per pixel for segmentation), what a
 *                       setting is chosen on; NaN where the run had no validation split or it is unknown
 */
public record RunSummary(
        String run,
        String method,
        String dataset,
        long seed,
        double testAccuracy,
        double sparsity,
        double weightsRemaining,
        long macs,
        long sparseMacs,
        long params,
        long supernetMacs,
        double trainingMacs,
        double wallSeconds,
        String setting,
        Map<String, String> settingValues,
        SegmentationMetrics testSegmentation,
        double validationAccuracy) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunSummary {
        // In the config's own field order, which is the order a description lists them in.
        settingValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settingValues));
    }

    /** A classification run's summary. */
    public RunSummary(String run, String method, String dataset, long seed, double testAccuracy, double sparsity,
            double weightsRemaining, long macs, long sparseMacs, long params, long supernetMacs, double trainingMacs,
            double wallSeconds, String setting, Map<String, String> settingValues) {
        this(run, method, dataset, seed, testAccuracy, sparsity, weightsRemaining, macs, sparseMacs, params,
                supernetMacs, trainingMacs, wallSeconds, setting, settingValues, null, Double.NaN);
    }

    /** A summary without the config's values (its settings are told apart by hash only). */
    public RunSummary(String run, String method, String dataset, long seed, double testAccuracy, double sparsity,
            double weightsRemaining, long macs, long sparseMacs, long params, long supernetMacs, double trainingMacs,
            double wallSeconds, String setting) {
        this(run, method, dataset, seed, testAccuracy, sparsity, weightsRemaining, macs, sparseMacs, params,
                supernetMacs, trainingMacs, wallSeconds, setting, Map.of());
    }

    /**
     * Reads a completed run folder.
     *
     * @throws IOException when the folder is not a run, or the run has not completed (message says which)
     */
    public static RunSummary read(RunFolder folder) throws IOException {
        SearchSpaceConfig config;
        try {
            config = ConfigIo.loadRecorded(folder.config());
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        RunStarted[] started = {null};
        RunFinished[] finished = {null};
        double[] wall = {0};
        RunFolderReader.forEachMetric(folder, e -> {
            if (e instanceof RunStarted s && started[0] == null) {
                started[0] = s;
            } else if (e instanceof RunFinished f) {
                finished[0] = f;
                wall[0] += f.wallSeconds();
            }
        });
        return summary(folder, config, started[0], finished[0], wall[0]);
    }

    private static RunSummary summary(RunFolder folder, SearchSpaceConfig config, RunStarted started,
            RunFinished finished, double wall) throws IOException {
        if (started == null && finished != null && finished.outcome() == RunFinished.Outcome.COMPLETED) {
            throw new IOException(folder.metrics() + ": the run completed but its log has no readable run_started "
                    + "line (damaged or edited), so it cannot be compared. Fix: restore metrics.jsonl from a backup, "
                    + "or leave this run out.");
        }
        if (started == null || finished == null || finished.outcome() != RunFinished.Outcome.COMPLETED) {
            throw new IOException(folder.path() + " has not completed" + (finished == null ? "" : " ("
                    + finished.outcome() + ")") + ", so it has no ticket to compare. Fix: wait for it to finish if it "
                    + "is still training, resume it if it stopped, or leave it out.");
        }
        return new RunSummary(folder.name(), methodOf(config), config.data().dataset(), config.seed(),
                finished.testAccuracy(), finished.sparsity(), 1 - finished.sparsity(), finished.macs(),
                finished.sparseMacs(), finished.params(), started.supernetMacs(), finished.trainingMacs(), wall,
                settingOf(config), settingValuesOf(config), finished.testSegmentation(),
                finished.validationAccuracy());
    }

    /** Whether this is a segmentation run (its test accuracy is per pixel; {@link #testMeanIou} is its metric). */
    public boolean segmentation() {
        return testSegmentation != null;
    }

    /** The test mean IoU, background included; NaN for a classification run. */
    public double testMeanIou() {
        return testSegmentation == null ? Double.NaN : testSegmentation.meanIou();
    }

    /** The test mean IoU over the object classes only; NaN for a classification run. */
    public double testMeanIouWithoutBackground() {
        return testSegmentation == null ? Double.NaN : testSegmentation.meanIouWithoutBackground();
    }

    /**
     * The number a comparison ranks this run by: the test mean IoU (background included) of a segmentation run, the
     * test accuracy of a classification run.
     */
    public double comparedScore() {
        return segmentation() ? testMeanIou() : testAccuracy;
    }

    /** A short hash of the config with its seed and name left out: the same for every seed of one setting. */
    static String settingOf(SearchSpaceConfig config) {
        return ConfigIo.hash(config.withSeed(0).withName("run")).substring(0, 12);
    }

    /** Every leaf of a config as {@code path -> value}, without its name and seed (what seeds of a setting share). */
    public static Map<String, String> settingValuesOf(SearchSpaceConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", JSON.valueToTree(config), values);
        values.remove("name");
        values.remove("seed");
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.asText());
        }
    }

    /**
     * The method label of a run: a {@link TrainingMethod}'s, or for a frozen run on a ticket what was done to it
     * ({@code retrain-rewound}, {@code retrain-random}, {@code retrain-rewound-random-masks}, {@code finetune},
     * {@code transfer}, {@code imp-level}, {@code pruned-<criterion>[-retrained]}), read from the suffix its plan
     * gave the config's name.
     */
    public static String methodOf(SearchSpaceConfig config) {
        PruningConfig p = config.pruning();
        if (p.enabled() && p.startsAtTarget() && !p.movesConnections()) {
            // a ticket pruned once (pruned-snip, pruned-snip-retrained), or a supernet pruned at initialisation
            int pruned = config.name().lastIndexOf(TicketRunPlan.PRUNED_SUFFIX);
            return pruned >= 0 ? config.name().substring(pruned + 1) : "pruned-at-init-" + p.criterion();
        }
        if (config.search().enabled() || config.pruning().enabled()) {
            return TrainingMethod.of(config).label();
        }
        String name = config.name();
        int retrain = name.lastIndexOf("-retrain-");
        if (retrain >= 0) {
            return name.substring(retrain + 1);
        }
        if (name.endsWith("-finetune")) {
            return "finetune";
        }
        if (name.contains("-imp-level-")) {
            return "imp-level";
        }
        int to = name.lastIndexOf("-to-");
        if (to >= 0) {
            String start = name.substring(to);
            return "transfer" + (start.contains("-rewound") ? "-rewound" : start.contains("-random") ? "-random" : "")
                    + (start.endsWith(TicketRunPlan.DENSE_BODY_SUFFIX) ? TicketRunPlan.DENSE_BODY_SUFFIX : "");
        }
        return TrainingMethod.DENSE.label();
    }
}
