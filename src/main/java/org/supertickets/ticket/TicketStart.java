package org.supertickets.ticket;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorLayout;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.BranchState;
import org.supertickets.space.Initialization;
import org.supertickets.space.LayerShape;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Where a frozen-architecture run on a ticket starts from. The ticket's architecture and masks are always
 * kept; what varies is the weights.
 */
public final class TicketStart {

    /** Which weights a run on a ticket starts from. */
    public enum Weights {
        /** The ticket's own trained weights (fine-tuning, transfer). */
        TICKET,
        /** The supernet's initial weights at step 0, cut down to the ticket (lottery-ticket rewinding). */
        REWOUND,
        /** Fresh random weights from another seed (the control: is it really a lottery ticket?). */
        RANDOM
    }

    private TicketStart() {
    }

    /** The network a run on {@code ticket} starts from. */
    public static NetworkState network(Ticket ticket, Weights weights, long randomSeed) {
        NetworkState t = ticket.network();
        return switch (weights) {
            case TICKET -> t;
            case REWOUND -> withMasksOf(t, cutDown(initial(ticket.manifest().provenance().config(),
                    ticket.manifest().provenance().seed()), t));
            case RANDOM -> withMasksOf(t, cutDown(initial(ticket.manifest().provenance().config(), randomSeed), t));
        };
    }

    /**
     * The same network with a new classifier for {@code classes} outputs (transfer to another dataset of the same
     * task and input size).
     */
    public static NetworkState withNewHead(NetworkState network, int classes, long seed) {
        Architecture a = network.architecture();
        return withNewHead(network, a.withHead(a.task(), a.inHeight(), a.inWidth(), classes),
                Initialization.MOBILENET_V2, seed);
    }

    /**
     * The body of {@code network} under the head of {@code target} (transfer, also across tasks): every body
     * tensor — architecture, masks, weights, BN statistics — is kept bit for bit; the head is new. The classifier
     * is drawn like at initialisation (N(0, 0.01), zero bias); segmentation's decoder as {@code scheme}
     * initialises it, with all-ones masks.
     *
     * @throws IllegalArgumentException when a body tensor of the target has another shape than the network's
     */
    public static NetworkState withNewHead(NetworkState network, Architecture target, Initialization scheme,
            long seed) {
        TensorLayout layout = TensorLayout.of(target);
        Map<String, HostTensor> decoder = target.segments()
                ? NetworkInitializer.initialize(target, seed + 1, scheme).tensors() : Map.of();
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        layout.tensors().forEach((name, shape) -> {
            if (isClassifier(name)) {
                return;
            }
            HostTensor t = isDecoder(name) ? decoder.get(name) : network.tensors().get(name);
            if (t == null || !Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("the ticket's " + name + " does not fit the new head "
                        + Arrays.toString(shape) + "; a ticket moves to another head only with its body unchanged");
            }
            tensors.put(name, t);
        });
        LayerShape classifier = layout.layers().get(TensorNames.weight(TensorNames.CLASSIFIER));
        SplittableRandom random = new SplittableRandom(seed);
        float[] w = new float[(int) classifier.weightCount()];
        for (int i = 0; i < w.length; i++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            w[i] = (float) (0.01 * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
        tensors.put(TensorNames.weight(TensorNames.CLASSIFIER), new HostTensor(w, classifier.weightShape()));
        tensors.put(TensorNames.CLASSIFIER_BIAS, HostTensor.filled(new long[] {target.classes()}, 0f));
        return new NetworkState(target, tensors, network.channelOrigins());
    }

    private static boolean isClassifier(String tensor) {
        return tensor.equals(TensorNames.weight(TensorNames.CLASSIFIER)) || tensor.equals(TensorNames.CLASSIFIER_BIAS);
    }

    private static boolean isDecoder(String tensor) {
        return tensor.startsWith(TensorNames.DECODER_SKIP + ".") || tensor.startsWith(TensorNames.DECODER_SKIP_BN);
    }

    private static NetworkState initial(SearchSpaceConfig config, long seed) {
        // The run's own scheme: a rewound ticket must start from exactly the supernet its run started from.
        return NetworkInitializer.initialize(Architecture.supernet(config), seed, Initialization.of(config));
    }

    /** Cuts a supernet state down to the ticket's channels, using the ticket's channel origins. */
    private static NetworkState cutDown(NetworkState supernet, NetworkState ticket) {
        Map<Integer, Map<Integer, int[]>> keep = new LinkedHashMap<>();
        for (BlockState block : supernet.architecture().blocks()) {
            BlockState ticketBlock = ticket.architecture().blocks().get(block.index());
            Map<Integer, int[]> perBranch = new LinkedHashMap<>();
            for (BranchState branch : ticketBlock.branches()) {
                int[] origins = ticket.channelOrigins().get(TensorNames.depthwise(ticketBlock, branch));
                perBranch.put(branch.kernelSize(), origins == null ? new int[0] : origins);
            }
            keep.put(block.index(), perBranch);
        }
        return new ChannelSurgery(supernet, keep).apply(false);
    }

    private static NetworkState withMasksOf(NetworkState masks, NetworkState weights) {
        Map<String, HostTensor> replaced = new LinkedHashMap<>();
        masks.tensors().forEach((name, t) -> {
            if (name.endsWith(TensorNames.MASK)) {
                replaced.put(name, t);
            }
        });
        return weights.withTensors(replaced);
    }
}
