package org.supertickets.model;

import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * The names of every tensor of the supernet. A weight tensor is named after its {@link
 * org.supertickets.space.LayerShape} plus {@code .weight}; its mask carries the layer name; a BN has
 * {@code .gamma .beta .mean .var}. The names are stable across shrinking, checkpoints and tickets.
 */
public final class TensorNames {

    public static final String WEIGHT = ".weight";
    public static final String GAMMA = ".gamma";
    public static final String BETA = ".beta";
    public static final String RUNNING_MEAN = ".mean";
    public static final String RUNNING_VAR = ".var";

    private TensorNames() {
    }

    public static final String MASK = ".mask";

    public static String weight(String layer) {
        return layer + WEIGHT;
    }

    public static String mask(String layer) {
        return layer + MASK;
    }

    public static String expand(BlockState block) {
        return block.prefix() + ".expand";
    }

    public static String expandBn(BlockState block) {
        return block.prefix() + ".expand_bn";
    }

    public static String depthwise(BlockState block, BranchState branch) {
        return Architecture.depthwiseName(block, branch);
    }

    /** The BN after a branch's depthwise conv: its |gamma| is the channel importance the search uses. */
    public static String depthwiseBn(BlockState block, BranchState branch) {
        return block.prefix() + ".dw_bn.k" + branch.kernelSize();
    }

    public static String project(BlockState block) {
        return block.prefix() + ".project";
    }

    public static String outBn(BlockState block) {
        return block.prefix() + ".out_bn";
    }

    public static String skip(BlockState block) {
        return block.prefix() + ".skip";
    }

    public static String skipBn(BlockState block) {
        return block.prefix() + ".skip_bn";
    }

    public static final String STEM = "stem.conv";
    public static final String STEM_BN = "stem.bn";
    public static final String HEAD = "head.conv";
    public static final String HEAD_BN = "head.bn";
    public static final String CLASSIFIER = "classifier";
    public static final String DECODER_SKIP = Architecture.DECODER_SKIP;
    public static final String DECODER_SKIP_BN = "decoder.skip_bn";
    public static final String CLASSIFIER_BIAS = "classifier.bias";
}
