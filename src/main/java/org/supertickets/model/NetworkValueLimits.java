package org.supertickets.model;

import java.nio.file.Path;
import java.util.Map;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * The values a network the workbench trained can hold, checked wherever a network is read from a file (tickets,
 * checkpoints): every value finite, masks 0 or 1, BN running variances not negative, magnitudes within
 * {@link #MAX_MAGNITUDE} and {@link #MAX_VARIANCE}, and channel origins distinct indices into the supernet's
 * channels. A finite but impossible value passes a finiteness check and surfaces much later, far from its cause:
 * a negative variance makes every class score NaN, and training then blames the learning rate; an origin out of
 * range fails inside the channel surgery with an index error.
 */
public final class NetworkValueLimits {

    /**
     * Largest magnitude of a weight, BN scale, shift or running mean, or bias. Trained with weight decay, the
     * workbench's networks hold weights of order 1 (He initialisation draws them with standard deviation
     * sqrt(2 / fan-in), at most 1.5; trained ones stay below about 10) and BN statistics of standardised images of
     * order 1 to 100; a run stops as FAILED once its gradient norm reaches 1e6, long before a weight could grow to
     * 1e4. The bound leaves a margin of a thousand over real networks, while a value of 1e4 through a few layers
     * still stays far from float overflow (3.4e38), where forged values such as 3e38 turn the outputs into NaN.
     */
    public static final float MAX_MAGNITUDE = 1e4f;

    /** Largest BN running variance: that of activations of {@link #MAX_MAGNITUDE}, its square. */
    public static final float MAX_VARIANCE = MAX_MAGNITUDE * MAX_MAGNITUDE;

    private static final String FIX = " Fix: the file was edited or damaged; restore it from a copy, or write it "
            + "again (a run writes <run>/ticket/ when it completes, and its checkpoint at every evaluation).";

    private NetworkValueLimits() {
    }

    /**
     * Checks the values of the tensor {@code name} of a network read from {@code file}.
     *
     * @throws CorruptFileException naming the file, the tensor, the index and the value
     */
    public static void check(Path file, String name, HostTensor tensor) throws CorruptFileException {
        float[] v = tensor.data();
        boolean mask = name.endsWith(TensorNames.MASK);
        boolean variance = name.endsWith(TensorNames.RUNNING_VAR);
        for (int i = 0; i < v.length; i++) {
            float x = v[i];
            if (!Float.isFinite(x)) {
                throw refused(file, name, i, x, "values must be finite");
            }
            if (mask && x != 0f && x != 1f) {
                throw refused(file, name, i, x, "a mask holds 0 (pruned) or 1 (alive)");
            }
            if (variance && (x < 0f || x > MAX_VARIANCE)) {
                throw refused(file, name, i, x, "a BN running variance lies between 0 and " + MAX_VARIANCE);
            }
            if (!variance && Math.abs(x) > MAX_MAGNITUDE) {
                throw refused(file, name, i, x, "no weight or BN value of a trained network is larger than "
                        + MAX_MAGNITUDE + " in magnitude");
            }
        }
    }

    /**
     * Checks every channel origin of {@code architecture}'s depthwise layers: each an index into the supernet
     * branch's channels ({@code 0 ≤ origin < maxChannels}), none twice.
     *
     * @throws CorruptFileException naming the file, the layer and the origin
     */
    public static void checkOrigins(Path file, Architecture architecture, Map<String, int[]> origins)
            throws CorruptFileException {
        for (BlockState block : architecture.blocks()) {
            for (BranchState branch : block.branches()) {
                String layer = TensorNames.depthwise(block, branch);
                int[] o = origins.get(layer);
                if (o == null) {
                    continue;
                }
                boolean[] seen = new boolean[branch.maxChannels()];
                for (int i = 0; i < o.length; i++) {
                    if (o[i] < 0 || o[i] >= seen.length) {
                        throw new CorruptFileException(file, "tensor '" + NetworkStateCodec.ORIGIN_PREFIX + layer
                                + "' holds channel origin " + o[i] + " at index " + i + "; its supernet branch has "
                                + "channels 0 to " + (seen.length - 1) + "." + FIX);
                    }
                    if (seen[o[i]]) {
                        throw new CorruptFileException(file, "tensor '" + NetworkStateCodec.ORIGIN_PREFIX + layer
                                + "' holds channel origin " + o[i] + " twice (again at index " + i + "); each "
                                + "surviving channel comes from another supernet channel." + FIX);
                    }
                    seen[o[i]] = true;
                }
            }
        }
    }

    private static CorruptFileException refused(Path file, String name, int index, float value, String rule) {
        return new CorruptFileException(file, "tensor '" + name + "' holds " + value + " at index " + index + "; "
                + rule + "." + FIX);
    }
}
