package org.supertickets.space;

import static org.supertickets.space.ValidationFindings.validKernel;
import static org.supertickets.space.ValidationFindings.validStride;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The validator's checks of the network: the stem, the stages and the head, the feature map followed through the
 * strides (kernels larger than the map they slide over), the supernet's size, and the {@code network} section's
 * layer settings (skip path, batch norm, initialisation).
 */
final class ArchitectureChecks {

    static final int MAX_CHANNELS = 1024;
    /** The head is one 1x1 conv; MobileNet-style heads are wider than the blocks (1280 in MobileNetV2). */
    static final int MAX_HEAD_CHANNELS = 4096;
    static final int MAX_REPEATS = 16;
    /** More stages than this would shrink any image we accept to 1x1 many times over; bounds work and memory. */
    static final int MAX_STAGES = 32;
    /** Largest supernet this workbench trains, in weights: {@link ConfigValidator#MAX_SUPERNET_WEIGHTS}. */
    static final long MAX_SUPERNET_WEIGHTS = 200_000_000L;
    static final int MAX_EXPANSION_RATIO = 8;

    private final ValidationFindings f;

    ArchitectureChecks(ValidationFindings findings) {
        this.f = findings;
    }

    /** Stem, stages and head, then the feature map through the strides (as far as the strides are valid). */
    void network(SearchSpaceConfig c) {
        StemConfig stem = c.stem();
        f.range("stem.channels", stem.channels());
        f.kernel("stem.kernelSize", stem.kernelSize());
        f.stride("stem.stride", stem.stride());

        List<StageConfig> stages = c.stages();
        if (stages.isEmpty()) {
            f.add("stages", "is empty, so there is nothing to search", "add at least one stage of searchable blocks");
        }
        if (stages.size() > MAX_STAGES) {
            // Checked before anything per stage, so a config of thousands of stages costs nothing to reject.
            f.add("stages", "has " + stages.size() + " stages, more than " + MAX_STAGES, "use 1 to " + MAX_STAGES
                    + " stages (MobileNetV2 has 7); deepen a stage with its repeats instead");
            f.range("head.channels", c.head().channels());
            return;
        }
        for (int i = 0; i < stages.size(); i++) {
            stage("stages[" + i + "]", stages.get(i));
        }
        f.range("head.channels", c.head().channels());
        if (shapeValid(c.data()) && validStride(stem.stride())) {
            featureMaps(c);
        }
    }

    void supernetSize(SearchSpaceConfig c) {
        long weights = Architecture.supernet(c).layers().stream().mapToLong(LayerShape::weightCount).sum();
        if (weights > MAX_SUPERNET_WEIGHTS) {
            f.add("stages", String.format(Locale.ROOT, "make a supernet of %,d weights, more than the %,d this "
                    + "workbench trains", weights, MAX_SUPERNET_WEIGHTS), "shrink the stages' channels, repeats, "
                    + "expansionRatio or kernelSizes (weights grow with channels squared), or head.channels");
        }
    }

    private void stage(String p, StageConfig st) {
        if (st == null) {
            f.add(p, "is null", "give the stage as an object, or remove it");
            return;
        }
        if (st.channels() == null) {
            f.add(p + ".channels", "is missing", "give the stage's output channels, e.g. 32 (no default: it sets the "
                    + "width of every block in the stage)");
        } else {
            f.range(p + ".channels", st.channels());
        }
        f.range(p + ".repeats", st.repeats(), "use 1 to " + MAX_REPEATS + " blocks per stage");
        f.stride(p + ".stride", st.stride());
        f.range(p + ".expansionRatio", st.expansionRatio(),
                "use 1 to " + MAX_EXPANSION_RATIO + " hidden channels per input channel and branch, e.g. 3");
        List<Integer> kernels = st.kernelSizes();
        if (kernels == null) {
            f.add(p + ".kernelSizes", "is missing", "offer depthwise kernel sizes, e.g. [3, 5, 7]");
            return;
        }
        if (kernels.isEmpty()) {
            f.add(p + ".kernelSizes", "is empty, so the stage's blocks have no branch to search",
                    "offer at least one depthwise kernel size, e.g. [3, 5, 7]");
        }
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < kernels.size(); k++) {
            Integer size = kernels.get(k);
            String kp = p + ".kernelSizes[" + k + "]";
            f.kernel(kp, size);
            if (size != null && !seen.add(size)) {
                f.add(kp, "kernel size " + size + " is listed twice", "list each kernel size once (a second, identical "
                        + "branch adds nothing the first cannot learn)");
            }
        }
    }

    private static boolean shapeValid(DataConfig d) {
        return d.height() != null && d.width() != null && d.height() >= 1 && d.width() >= 1
                && d.height() <= DataChecks.MAX_IMAGE_SIDE && d.width() <= DataChecks.MAX_IMAGE_SIDE;
    }

    /**
     * Follows the feature map through the strides, as {@link Architecture#supernet} does: a stride-2 layer on a
     * side of 1 cannot shrink it (the map would go below 1x1), and a kernel whose padding exceeds what the map
     * offers has weights that only ever multiply padding. The walk stops at a stage whose stride or repeats are
     * themselves invalid (the maps after it are unknown); invalid kernels were reported already and are skipped.
     */
    private void featureMaps(SearchSpaceConfig c) {
        DataConfig d = c.data();
        StemConfig stem = c.stem();
        int h = d.height();
        int w = d.width();
        StringBuilder trace = new StringBuilder(h + "x" + w + " input");
        if (stem.stride() > 1 && (h == 1 || w == 1)) {
            f.add("stem.stride", "the input is only " + h + "x" + w + ", so stride " + stem.stride()
                    + " would shrink it below 1x1", "use stride 1 for the stem");
        }
        int maxStem = maxKernel(h, w, stem.stride());
        if (validKernel(stem.kernelSize()) && stem.kernelSize() > maxStem) {
            f.add("stem.kernelSize", "kernel " + stem.kernelSize() + " is too large for the " + h + "x" + w + " input "
                    + "(stride " + stem.stride() + "): with padding " + stem.kernelSize() / 2 + " its outer rows and "
                    + "columns only ever see padding", "use a stem kernel size up to " + maxStem);
        }
        h = Architecture.ceilDiv(h, stem.stride());
        w = Architecture.ceilDiv(w, stem.stride());
        trace.append(" → stem ").append(h).append('x').append(w);

        for (int i = 0; i < c.stages().size(); i++) {
            StageConfig st = c.stages().get(i);
            if (st == null || !validStride(st.stride()) || st.repeats() == null || st.repeats() < 1
                    || st.repeats() > MAX_REPEATS) {
                return;
            }
            String p = "stages[" + i + "]";
            if (st.stride() > 1 && (h == 1 || w == 1)) {
                f.add(p + ".stride", "the feature map is already " + h + "x" + w + " when stage " + i + " starts ("
                        + trace + "), so stride " + st.stride() + " would shrink it below 1x1",
                        "use stride 1 in " + p + ", or remove a stride-2 stage (or the stem's stride) before it");
            }
            // The smallest map a kernel of this stage slides over decides the largest kernel that fits.
            int maxAllowed = Integer.MAX_VALUE;
            String where = "";
            for (int r = 0; r < st.repeats(); r++) {
                int s = r == 0 ? st.stride() : 1;
                int max = maxKernel(h, w, s);
                if (max < maxAllowed) {
                    maxAllowed = max;
                    where = "the " + h + "x" + w + " feature map of block " + (r + 1) + " of " + st.repeats()
                            + " (stride " + s + ")";
                }
                h = Architecture.ceilDiv(h, s);
                w = Architecture.ceilDiv(w, s);
            }
            trace.append(" → stage ").append(i).append(' ').append(h).append('x').append(w);
            List<Integer> kernels = st.kernelSizes() == null ? List.of() : st.kernelSizes();
            for (int k = 0; k < kernels.size(); k++) {
                Integer size = kernels.get(k);
                if (validKernel(size) && size > maxAllowed) {
                    f.add(p + ".kernelSizes[" + k + "]", "kernel " + size + " is too large for " + where + ": with "
                            + "padding " + size / 2 + " its outer rows and columns only ever see padding",
                            "offer kernel sizes up to " + maxAllowed + " in " + p + ", or put stride-2 stages later "
                            + "so the map stays larger");
                }
            }
        }
    }

    /**
     * The largest odd kernel whose every weight meets a real pixel at some output position, with padding
     * {@code k/2} (as the model pads): the last output position, {@code s * (out - 1)}, must reach the padding.
     */
    static int maxKernel(int h, int w, int stride) {
        int reachH = stride * (Architecture.ceilDiv(h, stride) - 1);
        int reachW = stride * (Architecture.ceilDiv(w, stride) - 1);
        return 2 * Math.min(reachH, reachW) + 1;
    }

    /** The {@code network} section: how the layers compute and start. */
    void layerSettings(NetworkConfig n) {
        f.oneOf("network.skipPath", n.skipPath());
        f.range("network.bnEpsilon", n.bnEpsilon(), "use 1e-5 (ours) or 1e-3 (official)");
        Interval momentum = FieldRules.interval("network.bnMomentum");
        if (n.bnMomentum() == null) {
            f.add("network.bnMomentum", "is missing", "use 0.1 (ours) or 0.01 (official)");
        } else if (!momentum.contains(n.bnMomentum())) {
            f.add("network.bnMomentum", "is " + n.bnMomentum() + ", outside " + momentum + " (the share of each "
                    + "training batch's statistics in the running ones; 0 would never update them)",
                    "use 0.1 (ours) or 0.01 (official)");
        }
        f.oneOf("network.initialization", n.initialization());
    }
}
