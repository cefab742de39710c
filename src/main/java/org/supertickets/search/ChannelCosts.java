package org.supertickets.search;

import java.util.HashMap;
import java.util.Map;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * What one hidden channel of each branch costs in MACs, and the penalty weight derived from it. A hidden
 * channel of a branch with kernel k in a block costs its row of the expand conv ({@code C_in H_in W_in}), its
 * depthwise filter ({@code k^2 H_out W_out}) and its column of the projection ({@code C_out H_out W_out}).
 * The penalty weight is that cost divided by the mean cost over all hidden channels of the supernet, so cheap
 * channels are penalised less (official: FLOPs-weighted BN-scale penalty).
 */
public final class ChannelCosts {

    private final Map<String, Long> macsPerChannel = new HashMap<>();
    private final double meanMacsPerChannel;

    /** Computed once from the supernet; shrinking does not change per-channel costs. */
    public ChannelCosts(Architecture supernet) {
        double sum = 0;
        long channels = 0;
        for (BlockState block : supernet.blocks()) {
            for (BranchState branch : block.branches()) {
                long cost = macsPerChannel(block, branch.kernelSize());
                macsPerChannel.put(key(block.index(), branch.kernelSize()), cost);
                sum += (double) cost * branch.maxChannels();
                channels += branch.maxChannels();
            }
        }
        meanMacsPerChannel = channels == 0 ? 1 : sum / channels;
    }

    /** MACs of one hidden channel of the branch with kernel {@code kernel} in {@code block}. */
    public static long macsPerChannel(BlockState block, int kernel) {
        long outPositions = (long) block.outHeight() * block.outWidth();
        return (long) block.inChannels() * block.inHeight() * block.inWidth()
                + (long) kernel * kernel * outPositions
                + (long) block.outChannels() * outPositions;
    }

    public long macsPerChannel(int block, int kernel) {
        Long cost = macsPerChannel.get(key(block, kernel));
        if (cost == null) {
            throw new IllegalArgumentException("no branch k" + kernel + " in block " + block);
        }
        return cost;
    }

    /** The penalty weight {@code pen} of every channel of that branch. */
    public double penalty(int block, int kernel) {
        return macsPerChannel(block, kernel) / meanMacsPerChannel;
    }

    private static String key(int block, int kernel) {
        return block + ":" + kernel;
    }
}
