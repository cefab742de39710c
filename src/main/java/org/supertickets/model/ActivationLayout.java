package org.supertickets.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;

/**
 * How a network's activations lie in memory while it trains. The same numbers either way (up to float rounding):
 * a speed choice, made per machine. Channels-last (NHWC under the NCHW shape) lets oneDNN run its vectorised
 * depthwise kernels, whose backward pass is the step's largest item; on a 2-core Intel Xeon with AVX-512 it trained
 * fashion-mnist.json's supernet 1.4× faster, on the AMD EPYC the project was built on it was slower
 * (docs/performance.md, "Channels-last on Intel"). Its kernels stay fast only at widths that are multiples of
 * {@value #CHANNEL_MULTIPLE}: at odd ones the same Xeon trained at 0.55× its NCHW speed. The widths a search shrinks,
 * the branches' hidden channels, are therefore padded with zero channels in the forward pass ({@link
 * ChannelPadding}); the widths of the config (stem, stages, head, decoder) must fit as they are. So channels-last
 * is the default on Intel CPUs with AVX-512, for networks whose config widths fit; the environment variable {@value
 * #OVERRIDE} ({@code nchw} or {@code channels-last}) chooses by hand for every network.
 */
public enum ActivationLayout {

    /** Each channel's plane contiguous: libtorch's default. */
    NCHW("NCHW"),
    /** Each pixel's channels contiguous, the tensors keeping their NCHW shape (PyTorch's channels_last). */
    CHANNELS_LAST("channels-last");

    /** Channel counts channels-last pays for: all of a network's must be multiples of it. */
    public static final int CHANNEL_MULTIPLE = 8;

    /** The environment variable that overrides the machine's choice. */
    public static final String OVERRIDE = "SUPERTICKETS_ACTIVATIONS";

    private final String label;

    ActivationLayout(String label) {
        this.label = label;
    }

    /** {@code NCHW} or {@code channels-last}. */
    public String label() {
        return label;
    }

    /** The layout a network trains in on {@code device}: the override, else this machine's for such a network. */
    public static ActivationLayout forNetwork(Device device, Architecture network) {
        String chosen = System.getenv(OVERRIDE);
        if (chosen != null && !chosen.isBlank()) {
            return parse(chosen);
        }
        return forDevice(device) == CHANNELS_LAST && widthsFit(network) ? CHANNELS_LAST : NCHW;
    }

    /** This machine's layout for networks whose widths fit it (always NCHW on a GPU, where nothing was measured). */
    public static ActivationLayout forDevice(Device device) {
        String chosen = System.getenv(OVERRIDE);
        if (chosen != null && !chosen.isBlank()) {
            return parse(chosen);
        }
        return device.isGpu() ? NCHW : OnThisCpu.LAYOUT;
    }

    /**
     * Whether every channel count of {@code network} that no search changes is a multiple of {@link
     * #CHANNEL_MULTIPLE}: the stem's, each block's output, the head's and the decoder's. The branches' hidden widths
     * do not count: {@link ChannelPadding} rounds them up.
     */
    static boolean widthsFit(Architecture network) {
        List<Integer> widths = new ArrayList<>(List.of(network.stemChannels(), network.headChannels()));
        for (BlockState block : network.blocks()) {
            widths.add(block.outChannels());
        }
        if (network.segments()) {
            widths.add(network.decoderSkipChannels());
        }
        return widths.stream().allMatch(w -> w % CHANNEL_MULTIPLE == 0);
    }

    static ActivationLayout parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ActivationLayout layout : values()) {
            if (layout.label.toLowerCase(Locale.ROOT).equals(t)) {
                return layout;
            }
        }
        throw new IllegalArgumentException(OVERRIDE + "=" + text + " is not a layout. Fix: set it to nchw or "
                + "channels-last, or unset it to let the workbench choose for this CPU.");
    }

    /** Channels-last where it was measured to pay: Intel CPUs with AVX-512. */
    static ActivationLayout forCpu(List<String> cpuinfo) {
        boolean intel = cpuinfo.stream().anyMatch(l -> l.startsWith("vendor_id") && l.contains("GenuineIntel"));
        boolean avx512 = cpuinfo.stream().anyMatch(l -> l.startsWith("flags") && l.contains(" avx512f"));
        return intel && avx512 ? CHANNELS_LAST : NCHW;
    }

    /** The batch {@code [N, C, H, W]} laid out this way (a copy for channels-last; the same array for NCHW). */
    public NDArray arrange(NDArray batch) {
        if (this == NCHW) {
            return batch;
        }
        Shape s = batch.getShape();
        // A permuted view made contiguous, then permuted back: libtorch then sees an NCHW tensor with channels-last
        // strides, and its convolutions, BN and ReLU keep that layout for every activation after it.
        return batch.transpose(0, 2, 3, 1).flatten().reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                .transpose(0, 3, 1, 2);
    }

    /** Read once: the CPU does not change while the JVM runs. */
    private static final class OnThisCpu {
        static final ActivationLayout LAYOUT = read();

        private static ActivationLayout read() {
            try {
                return forCpu(Files.readAllLines(Path.of("/proc/cpuinfo")));
            } catch (IOException | RuntimeException e) {
                return NCHW; // not Linux: the default libtorch was tuned for
            }
        }
    }
}
