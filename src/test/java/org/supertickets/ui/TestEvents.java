package org.supertickets.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.TestConfigs;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.LayerShape;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunStarted;
import org.supertickets.train.SnapshotBuilder;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;

/** Realistic training events without training: snapshots of an initialised supernet with masks applied. */
public final class TestEvents {

    public static final SearchSpaceConfig CONFIG = TestConfigs.tinyFashionMnist();
    public static final Architecture SUPERNET = Architecture.supernet(CONFIG);

    /** The same supernet, trained for 2 epochs on 600 images: a real run of a few seconds for the UI flow. */
    public static final SearchSpaceConfig QUICK_RUN = shortened(CONFIG);

    private static SearchSpaceConfig shortened(SearchSpaceConfig c) {
        c = org.supertickets.ui.designer.ConfigPaths.with(c, "data.trainLimit", 600);
        c = org.supertickets.ui.designer.ConfigPaths.with(c, "data.testLimit", 200);
        c = org.supertickets.ui.designer.ConfigPaths.with(c, "training.epochs", 2);
        c = org.supertickets.ui.designer.ConfigPaths.with(c, "pruning.cubicEndEpoch", 2.0);
        return c;
    }

    private TestEvents() {
    }

    public static RunStarted started() {
        return new RunStarted(0, 0, 400, 100, 100, 100, "cpu()", "PyTorch test", SUPERNET, SUPERNET.macs(),
                SUPERNET.params(), 1000, 100, 500, false);
    }

    /** The supernet at initialisation; every weight alive. */
    public static ConnectivitySnapshot start() {
        NetworkState state = NetworkInitializer.initialize(SUPERNET, 3);
        return SnapshotBuilder.build(state, 0, 0, "start", true);
    }

    /** Every {@code period}-th weight (from {@code offset}) pruned in every prunable layer. */
    public static ConnectivitySnapshot pruned(long step, double epoch, int period, int offset) {
        NetworkState state = NetworkInitializer.initialize(SUPERNET, 3);
        Map<String, HostTensor> masks = new HashMap<>();
        for (LayerShape layer : SUPERNET.layers()) {
            if (!layer.prunable()) {
                continue;
            }
            HostTensor w = state.tensor(TensorNames.weight(layer.name()));
            float[] m = new float[w.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = (i + offset) % period == 0 ? 0f : 1f;
            }
            masks.put(TensorNames.mask(layer.name()), new HostTensor(m, w.shape()));
        }
        return SnapshotBuilder.build(state.withTensors(masks), step, epoch, "prune", true);
    }

    /** A snapshot where the search removed block 1's kernel-5 branch and halved block 0's kernel-3 branch. */
    public static ConnectivitySnapshot shrunk(long step, double epoch) {
        ConnectivitySnapshot full = start();
        List<BlockState> blocks = new ArrayList<>();
        for (BlockState b : SUPERNET.blocks()) {
            List<BranchState> branches = new ArrayList<>();
            for (BranchState br : b.branches()) {
                if (b.index() == 1 && br.kernelSize() == 5) {
                    branches.add(br.withHiddenChannels(0));
                } else if (b.index() == 0 && br.kernelSize() == 3) {
                    branches.add(br.withHiddenChannels(br.maxChannels() / 2));
                } else {
                    branches.add(br);
                }
            }
            blocks.add(b.withBranches(branches));
        }
        Architecture arch = SUPERNET.withBlocks(blocks);
        List<LayerSnapshot> layers = full.layers().stream().filter(l -> !l.name().equals("blocks.1.dw.k5")).toList();
        return new ConnectivitySnapshot(step, epoch, "shrink", arch, layers);
    }

    public static List<TrainingEvent> someMetrics(int steps) {
        List<TrainingEvent> out = new ArrayList<>();
        for (int s = 10; s <= steps; s += 10) {
            out.add(new StepMetrics(s, s / 100.0, 2.0 / (1 + s / 100.0), Math.min(0.9, s / 500.0), 0.1, 0.03, 1.0,
                    900));
        }
        out.add(new EvalMetrics(steps, steps / 100.0, 0.9, 0.7, 0.2, 0.2, SUPERNET.macs() / 2, SUPERNET.macs() / 3,
                SUPERNET.macs() / 3, SUPERNET.params(), SUPERNET.params() / 2, 40, 4, 2));
        out.add(new PruneEvent(steps, steps / 100.0, 1, 0.2, 0.2, 0.01, 12, 345, false, List.of()));
        return out;
    }
}
