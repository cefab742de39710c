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
 *
 * <p>With a moving average of the weights (official), a channel is removed only when its averaged |gamma| is dead
 * as well as its current one, and at the last epoch when its averaged |gamma| alone is dead; the minimum is
 * checked on the MACs of the channels dead in the average, as the official code measures them on its averaged
 * copy.
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
        return plan(current, gammas, null, false, force, plannedMacs);
    }

    /**
     * @param current        the architecture now
     * @param gammas         per depthwise layer name, the current BN scale of each live channel
     * @param averagedGammas the same from the moving average of the weights; null = no average
     * @param averagedOnly   judge by the average alone (official: at the last epoch)
     * @param force          shrink whatever the dead MACs (last epoch)
     * @param plannedMacs    our MACs plan for now; {@code Long.MAX_VALUE} when no target is set
     */
    public ShrinkPlan plan(Architecture current, Map<String, float[]> gammas, Map<String, float[]> averagedGammas,
            boolean averagedOnly, boolean force, long plannedMacs) {
        Map<String, boolean[]> removed = new LinkedHashMap<>();
        int dead = 0;
        long deadMacs = 0;
        long removedMacs = 0;
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
                float[] a = averagedGammas == null ? null : averagedGammas.get(name);
                if (averagedGammas != null && (a == null || a.length != g.length)) {
                    throw new IllegalStateException("averaged gamma of " + name + " does not match the architecture");
                }
                boolean[] gone = new boolean[g.length];
                long channelMacs = costs.macsPerChannel(block.index(), branch.kernelSize());
                double penalty = costs.penalty(block.index(), branch.kernelSize());
                for (int c = 0; c < g.length; c++) {
                    boolean currentDead = isDead(g[c]);
                    boolean averageDead = a == null ? currentDead : isDead(a[c]);
                    if (averageDead) {
                        deadMacs += channelMacs; // the gate: dead in the averaged copy (= current without one)
                    }
                    if (averageDead && (currentDead || averagedOnly)) {
                        gone[c] = true;
                        dead++;
                        removedMacs += channelMacs;
                    } else {
                        alive.add(new Candidate(name, c, Math.abs(g[c]) / penalty, channelMacs));
                    }
                }
                removed.put(name, gone);
            }
        }

        int targeted = 0;
        long macsAfter = current.macs() - removedMacs;
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

    /** Compared in float32, as the official code does. */
    private boolean isDead(float gamma) {
        return Math.abs(gamma) <= (float) gammaThreshold;
    }

    private record Candidate(String layer, int channel, double importancePerCost, long macs) {
    }
}
