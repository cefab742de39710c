package org.supertickets.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * Decides which hidden channels an architecture step removes. Official rule: a channel is dead when the
 * |gamma| of the BN after its depthwise conv is at or under the threshold; the network shrinks when the dead
 * channels' MACs exceed a minimum, and always at the last epoch. Our extension (off unless a MACs target is
 * set): when the network is still above the planned MACs, the live channels with the least |gamma| per unit
 * of penalty weight are removed too, until the plan is met.
 */
public final class ShrinkPlanner {

    private final ChannelCosts costs;
    private final double gammaThreshold;
    private final long minShrinkMacs;

    public ShrinkPlanner(ChannelCosts costs, double gammaThreshold, long minShrinkMacs) {
        this.costs = costs;
        this.gammaThreshold = gammaThreshold;
        this.minShrinkMacs = minShrinkMacs;
    }

    /**
     * @param current     the architecture now
     * @param gammas      per depthwise layer name ({@code blocks.i.dw.kK}), the BN scale of each live channel
     * @param force       shrink whatever the dead MACs (last epoch)
     * @param plannedMacs our MACs plan for now; {@code Long.MAX_VALUE} when no target is set
     */
    public ShrinkPlan plan(Architecture current, Map<String, float[]> gammas, boolean force, long plannedMacs) {
        Map<String, boolean[]> removed = new LinkedHashMap<>();
        int dead = 0;
        long deadMacs = 0;
        List<Candidate> alive = new ArrayList<>();
        for (BlockState block : current.blocks()) {
            for (BranchState branch : block.branches()) {
                if (branch.removed()) {
                    continue;
                }
                String name = Architecture.depthwiseName(block, branch);
                float[] g = gammas.get(name);
                if (g == null || g.length != branch.hiddenChannels()) {
                    throw new IllegalStateException("gamma of " + name + " does not match the architecture");
                }
                boolean[] gone = new boolean[g.length];
                long channelMacs = costs.macsPerChannel(block.index(), branch.kernelSize());
                double penalty = costs.penalty(block.index(), branch.kernelSize());
                for (int c = 0; c < g.length; c++) {
                    if (Math.abs(g[c]) <= (float) gammaThreshold) { // compared in float32, as the official code does
                        gone[c] = true;
                        dead++;
                        deadMacs += channelMacs;
                    } else {
                        alive.add(new Candidate(name, c, Math.abs(g[c]) / penalty, channelMacs));
                    }
                }
                removed.put(name, gone);
            }
        }

        int targeted = 0;
        long macsAfter = current.macs() - deadMacs;
        if (macsAfter > plannedMacs) {
            alive.sort(Comparator.comparingDouble(Candidate::importancePerCost)
                    .thenComparing(Candidate::layer).thenComparingInt(Candidate::channel));
            for (Candidate c : alive) {
                if (macsAfter <= plannedMacs) {
                    break;
                }
                removed.get(c.layer())[c.channel()] = true;
                macsAfter -= c.macs();
                targeted++;
            }
        }

        boolean fire = (dead + targeted > 0) && (force || targeted > 0 || deadMacs > minShrinkMacs);
        if (!fire) {
            return new ShrinkPlan(false, Map.of(), current, dead, 0, 0);
        }
        Map<Integer, Map<Integer, int[]>> keep = new LinkedHashMap<>();
        for (BlockState block : current.blocks()) {
            Map<Integer, int[]> perBranch = new LinkedHashMap<>();
            for (BranchState branch : block.branches()) {
                if (branch.removed()) {
                    continue;
                }
                boolean[] gone = removed.get(Architecture.depthwiseName(block, branch));
                perBranch.put(branch.kernelSize(), IntStream.range(0, gone.length).filter(c -> !gone[c]).toArray());
            }
            keep.put(block.index(), perBranch);
        }
        Architecture after = ChannelSurgery.architectureAfter(current, keep);
        return new ShrinkPlan(true, keep, after, dead, targeted, current.macs() - after.macs());
    }

    private record Candidate(String layer, int channel, double importancePerCost, long macs) {
    }
}
