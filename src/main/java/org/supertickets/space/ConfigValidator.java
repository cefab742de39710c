package org.supertickets.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a resolved config and reports every problem at once, each with its JSON path and a fix. An
 * impossible search space (a feature map that shrinks below 1x1, a MACs target no subnet can reach) is
 * reported here, before any training starts.
 */
public final class ConfigValidator {

    private final List<ValidationIssue> issues = new ArrayList<>();

    private ConfigValidator() {
    }

    public static List<ValidationIssue> validate(SearchSpaceConfig c) {
        ConfigValidator v = new ConfigValidator();
        v.check(c);
        return List.copyOf(v.issues);
    }

    private void check(SearchSpaceConfig c) {
        DataConfig d = c.data();
        oneOf("data.dataset", d.dataset(), ConfigDefaults.DATASETS);
        if (List.of("idx", "cifar10", "image-folder").contains(d.dataset()) && (d.path() == null
                || d.path().isBlank())) {
            add("data.path", "is empty but dataset '" + d.dataset() + "' is read from disk",
                    "set data.path to the folder holding the dataset");
        }
        range("data.channels", d.channels(), 1, 4);
        range("data.height", d.height(), 4, 1024);
        range("data.width", d.width(), 4, 1024);
        range("data.classes", d.classes(), 2, 10_000);
        if (d.dataset().equals("cifar10") && (d.channels() != 3 || d.height() != 32 || d.width() != 32)) {
            add("data.channels", "cifar10 images are 3x32x32, the config says " + d.channels() + "x" + d.height() + "x"
                    + d.width(), "set channels 3, height 32, width 32");
        }
        if ((d.dataset().equals("fashion-mnist") || d.dataset().equals("mnist"))
                && (d.channels() != 1 || d.height() != 28 || d.width() != 28)) {
            add("data.channels", d.dataset() + " images are 1x28x28, the config says " + d.channels() + "x"
                    + d.height() + "x" + d.width(), "set channels 1, height 28, width 28");
        }
        range("data.validationFraction", d.validationFraction(), 0, 0.5);
        range("data.trainLimit", d.trainLimit(), 0, 100_000_000);
        range("data.testLimit", d.testLimit(), 0, 100_000_000);

        StemConfig s = c.stem();
        range("stem.channels", s.channels(), 1, 1024);
        kernel("stem.kernelSize", s.kernelSize());
        stride("stem.stride", s.stride());

        if (c.stages().isEmpty()) {
            add("stages", "is empty, so there is nothing to search", "add at least one stage of searchable blocks");
        }
        int size = Math.min(d.height(), d.width());
        size = ceilDiv(size, Math.max(1, s.stride()));
        for (int i = 0; i < c.stages().size(); i++) {
            StageConfig st = c.stages().get(i);
            String p = "stages[" + i + "]";
            if (st.channels() == null) {
                add(p + ".channels", "is missing", "give the stage's output channels, e.g. 32");
            } else {
                range(p + ".channels", st.channels(), 1, 1024);
            }
            range(p + ".repeats", st.repeats(), 1, 16);
            stride(p + ".stride", st.stride());
            range(p + ".expansionRatio", st.expansionRatio(), 1, 8);
            if (st.kernelSizes().isEmpty()) {
                add(p + ".kernelSizes", "is empty", "offer at least one depthwise kernel size, e.g. [3, 5, 7]");
            }
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < st.kernelSizes().size(); k++) {
                Integer ks = st.kernelSizes().get(k);
                String kp = p + ".kernelSizes[" + k + "]";
                kernel(kp, ks);
                if (ks != null && !seen.add(ks)) {
                    add(kp, "kernel size " + ks + " is listed twice", "list each kernel size once");
                }
            }
            if (st.stride() != null && st.stride() >= 1) {
                int next = ceilDiv(size, st.stride());
                if (size <= 1 && st.stride() > 1) {
                    add(p + ".stride", "the feature map is already 1x1 here, so stride " + st.stride()
                            + " cannot shrink it further", "use stride 1 for this stage, or fewer stride-2 stages");
                }
                size = next;
            }
        }
        range("head.channels", c.head().channels(), 1, 4096);

        SearchConfig se = c.search();
        range("search.rho", se.rho(), 0, 1);
        range("search.rhoWarmupEpochs", se.rhoWarmupEpochs(), 0, c.training().epochs());
        range("search.gammaThreshold", se.gammaThreshold(), 0, 1);
        range("search.minShrinkMacs", se.minShrinkMacs(), 0, Long.MAX_VALUE);
        positive("search.evalIntervalEpochs", se.evalIntervalEpochs(), c.training().epochs());
        range("search.bnRecalibrationBatches", se.bnRecalibrationBatches(), 0, 1000);
        range("search.macsTargetEndEpoch", se.macsTargetEndEpoch(), 0, c.training().epochs());
        if (se.macsTarget() != 0 && issues.isEmpty()) {
            Architecture supernet = Architecture.supernet(c);
            long max = supernet.macs();
            long min = supernet.smallestSubnet().macs();
            if (se.macsTarget() < min || se.macsTarget() >= max) {
                add("search.macsTarget", String.format(Locale.ROOT, "%,d MACs is outside what this search space "
                        + "can reach", se.macsTarget()), String.format(Locale.ROOT, "choose a value from %,d (smallest"
                        + " subnet) to %,d (supernet), or 0 to let rho alone decide", min, max - 1));
            }
        } else if (se.macsTarget() < 0) {
            add("search.macsTarget", "is negative (" + se.macsTarget() + ")", "use 0 (off) or a positive MACs count");
        }

        PruningConfig pr = c.pruning();
        range("pruning.targetSparsity", pr.targetSparsity(), 0, 0.99);
        positive("pruning.intervalEpochs", pr.intervalEpochs(), c.training().epochs());
        oneOf("pruning.schedule", pr.schedule(), ConfigDefaults.SCHEDULES);
        if (pr.increment() <= 0 || pr.increment() > 1) {
            add("pruning.increment", "is " + pr.increment() + ", outside (0, 1]", "use 0.1 (the official +10 points)");
        }
        range("pruning.cubicEndEpoch", pr.cubicEndEpoch(), 0, c.training().epochs());

        TrainingConfig t = c.training();
        range("training.epochs", t.epochs(), 1, 10_000);
        range("training.batchSize", t.batchSize(), 1, 4096);
        oneOf("training.optimizer", t.optimizer(), ConfigDefaults.OPTIMIZERS);
        if (t.learningRate() <= 0 || t.learningRate() > 10) {
            add("training.learningRate", "is " + t.learningRate() + ", outside (0, 10]", "use e.g. 0.1 for SGD");
        }
        if (t.momentum() < 0 || t.momentum() >= 1) {
            add("training.momentum", "is " + t.momentum() + ", outside [0, 1)", "use e.g. 0.9");
        }
        range("training.weightDecay", t.weightDecay(), 0, 1);
        oneOf("training.lrSchedule", t.lrSchedule(), ConfigDefaults.LR_SCHEDULES);
        range("training.lrWarmupEpochs", t.lrWarmupEpochs(), 0, t.epochs());
        range("training.labelSmoothing", t.labelSmoothing(), 0, 0.5);
        range("training.evalBatchSize", t.evalBatchSize(), 1, 8192);
        oneOf("training.device", t.device(), ConfigDefaults.DEVICES);
    }

    private void add(String path, String message, String fix) {
        issues.add(new ValidationIssue(path, message, fix));
    }

    private void oneOf(String path, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            add(path, "'" + value + "' is not one of " + allowed, "use one of " + String.join(", ", allowed));
        }
    }

    private void range(String path, Number value, double min, double max) {
        if (value == null) {
            add(path, "is missing", "give a value from " + fmt(min) + " to " + fmt(max));
            return;
        }
        double v = value.doubleValue();
        if (Double.isNaN(v) || v < min || v > max) {
            add(path, "is " + value + ", outside " + fmt(min) + ".." + fmt(max), "give a value from " + fmt(min)
                    + " to " + fmt(max));
        }
    }

    private void positive(String path, Double value, int epochs) {
        if (value == null || !(value > 0) || value > epochs) {
            add(path, "is " + value + "; it must be above 0 and at most training.epochs (" + epochs + ")",
                    "give a number of epochs in (0, " + epochs + "], e.g. 1");
        }
    }

    private void kernel(String path, Integer k) {
        if (k == null || k < 1 || k % 2 == 0 || k > 11) {
            add(path, "kernel size " + k + " is not an odd number from 1 to 11",
                    "use an odd size such as 3, 5 or 7 (even sizes cannot keep the feature map centred)");
        }
    }

    private void stride(String path, Integer s) {
        if (s == null || (s != 1 && s != 2)) {
            add(path, "stride " + s + " is not 1 or 2", "use 1 (keep the resolution) or 2 (halve it)");
        }
    }

    private static String fmt(double v) {
        return v == Long.MAX_VALUE ? "any" : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
