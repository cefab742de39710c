package org.supertickets.tools;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.Supernet;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;

/**
 * Times one training forward and backward pass of a network on a batch of 128, in the layout this machine chooses
 * ({@code SUPERTICKETS_ACTIVATIONS} overrides it): the median and best of 50 passes after 10. The network is a
 * config's supernet, optionally with every branch shrunk to {@code fraction} of its width (plus 0, 1, 2 by branch,
 * so that widths come out odd, as a search leaves them), or an extracted ticket. Arguments: {@code CONFIG.json
 * [fraction]} or {@code TICKET_FOLDER}. It measures what docs/performance.md's "Channels-last after a shrink"
 * compares; run it on an idle machine.
 */
public final class ForwardBackwardBench {

    private static final int TIMED = 50;
    private static final int UNTIMED = 10;

    private ForwardBackwardBench() {
    }

    public static void main(String[] args) throws Exception {
        NetworkState state = network(args);
        for (BlockState block : state.architecture().blocks()) {
            StringBuilder line = new StringBuilder("block " + block.index() + " (" + block.outChannels() + " out):");
            block.branches().forEach(b -> line.append(" k").append(b.kernelSize()).append('=')
                    .append(b.hiddenChannels()));
            System.out.println(line);
        }
        int[] input = {state.architecture().inChannels(), state.architecture().inHeight(),
            state.architecture().inWidth()};
        List<Long> times = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(state, m, Device.cpu())) {
            for (int pass = 0; pass < UNTIMED + TIMED; pass++) {
                try (NDScope scope = new NDScope();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray x = m.randomNormal(new Shape(128, input[0], input[1], input[2]));
                    long start = System.nanoTime();
                    collector.backward(net.forward(x, BatchNormMode.TRAIN).square().sum());
                    net.tensor(TensorNames.weight(TensorNames.STEM)).getGradient().getFloat(0, 0, 0, 0);
                    if (pass >= UNTIMED) {
                        times.add(System.nanoTime() - start);
                    }
                    collector.zeroGradients();
                }
            }
        }
        Collections.sort(times);
        System.out.printf("forward + backward, batch 128: median %.2f ms, best %.2f ms%n",
                times.get(times.size() / 2) / 1e6, times.get(0) / 1e6);
    }

    private static NetworkState network(String[] args) throws Exception {
        if (args.length < 2) {
            return NetworkArgument.read(args[0]);
        }
        Architecture supernet = NetworkArgument.supernet(args[0]);
        double fraction = Double.parseDouble(args[1]);
        List<BlockState> blocks = new ArrayList<>();
        for (BlockState block : supernet.blocks()) {
            List<BranchState> branches = new ArrayList<>();
            for (BranchState branch : block.branches()) {
                long width = Math.round(branch.hiddenChannels() * fraction) + branches.size();
                branches.add(branch.withHiddenChannels((int) Math.max(1, width)));
            }
            blocks.add(block.withBranches(branches));
        }
        return NetworkInitializer.initialize(supernet.withBlocks(blocks), 1);
    }
}
