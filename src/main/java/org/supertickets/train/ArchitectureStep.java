package org.supertickets.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.MaskChange;
import org.supertickets.search.ShrinkPlan;
import org.supertickets.search.ShrinkPlanner;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerShape;
import org.supertickets.space.SearchConfig;

/**
 * The architecture step, after an evaluation: channels whose depthwise BN scale |gamma| fell under the threshold
 * (and branches left empty) are removed physically when the shrink planner says so, steered by our optional MACs
 * plan; rebuilt blocks get fresh masks unless {@code pruning.reuseMask}. Reported as a {@link ShrinkEvent} and a
 * snapshot.
 */
final class ArchitectureStep {

    private final ShrinkPlanner planner;
    private final boolean reuseMask;
    private final long macsTarget;
    private final double macsTargetEndEpoch;
    private final long supernetMacs;
    private final TrainingListener listener;

    ArchitectureStep(ShrinkPlanner planner, SearchConfig search, boolean reuseMask, long supernetMacs,
            TrainingListener listener) {
        this.planner = planner;
        this.reuseMask = reuseMask;
        this.macsTarget = search.macsTarget();
        this.macsTargetEndEpoch = search.macsTargetEndEpoch();
        this.supernetMacs = supernetMacs;
        this.listener = listener;
    }

    /**
     * @param lastEpoch the official last-epoch rule: shrink whatever the dead MACs, and with a moving average judge
     *                  a channel by its averaged |gamma| alone
     */
    void run(TrainedNetwork network, long done, double epoch, boolean lastEpoch) {
        Supernet net = network.net();
        WeightAverage average = network.average();
        Map<String, float[]> gammas = new LinkedHashMap<>();
        Map<String, float[]> averagedGammas = average == null ? null : new LinkedHashMap<>();
        Architecture current = net.architecture();
        for (BlockState block : current.blocks()) {
            for (BranchState branch : block.branches()) {
                if (!branch.removed()) {
                    String gamma = TensorNames.depthwiseBn(block, branch) + TensorNames.GAMMA;
                    gammas.put(TensorNames.depthwise(block, branch), net.tensor(gamma).toFloatArray());
                    if (average != null) {
                        averagedGammas.put(TensorNames.depthwise(block, branch), average.averaged(gamma).data());
                    }
                }
            }
        }
        ShrinkPlan plan = planner.plan(current, gammas, averagedGammas, lastEpoch, lastEpoch, plannedMacs(epoch));
        if (!plan.fire()) {
            return;
        }
        boolean resetMasks = !reuseMask;
        TrainedNetwork.Cut cut = network.cut(plan.keep(), resetMasks);
        NetworkState after = cut.after();
        Map<String, Long> resets = resetByShrink(cut.surgery(), cut.before(), after);
        listener.onEvent(new ShrinkEvent(done, epoch, plan.deadChannels(), plan.targetChannels(),
                current.macs(), after.architecture().macs(), resetMasks, after.architecture(),
                resets.values().stream().mapToLong(Long::longValue).sum(), perBlock(after.architecture(), resets),
                network.measures().sparsity()));
        listener.onEvent(SnapshotBuilder.build(after, done, epoch, "shrink", true));
    }

    /** Our MACs plan: linear from the supernet to the target by {@code macsTargetEndEpoch}; off when 0. */
    private long plannedMacs(double epoch) {
        long target = macsTarget;
        if (target <= 0) {
            return Long.MAX_VALUE;
        }
        double end = macsTargetEndEpoch;
        double t = end <= 0 ? 1 : Math.min(1, epoch / end);
        return Math.round(supernetMacs + (target - supernetMacs) * t);
    }

    /**
     * Masked weights the shrink's fresh masks turned on, per mask: the masks just before it, sliced to the surviving
     * channels, against the masks after it (MaskChange.RESET_BY_SHRINK), so it counts like every view does.
     */
    private static Map<String, Long> resetByShrink(ChannelSurgery surgery, NetworkState before,
            NetworkState after) {
        Map<String, HostTensor> masksBefore = new LinkedHashMap<>();
        for (LayerShape layer : before.architecture().layers()) {
            if (layer.prunable()) {
                masksBefore.put(TensorNames.mask(layer.name()), before.tensor(TensorNames.mask(layer.name())));
            }
        }
        Map<String, HostTensor> masksAfter = new LinkedHashMap<>();
        for (LayerShape layer : after.architecture().layers()) {
            if (layer.prunable()) {
                masksAfter.put(TensorNames.mask(layer.name()), after.tensor(TensorNames.mask(layer.name())));
            }
        }
        return MaskChange.resetsByShrinkPerMask(surgery.sliceState(masksBefore), masksAfter);
    }

    /** The blocks whose masks a shrink reset, with their counts (the views name which blocks train dense). */
    private static Map<Integer, Long> perBlock(Architecture architecture, Map<String, Long> perMask) {
        Map<Integer, Long> blocks = new LinkedHashMap<>();
        for (BlockState block : architecture.blocks()) {
            String prefix = block.prefix() + ".";
            long reset = perMask.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue).sum();
            if (reset > 0) {
                blocks.put(block.index(), reset);
            }
        }
        return blocks;
    }
}
