package org.supertickets.space;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a network of the search space at one moment: the supernet before the search, a shrunk
 * subnet during it, the ticket at the end. It is plain data, so counting MACs and parameters, drawing the
 * graph and writing tickets never need the training engine.
 *
 * @param inChannels     input channels
 * @param inHeight       input height
 * @param inWidth        input width
 * @param stemChannels   stem output channels
 * @param stemKernel     stem kernel size
 * @param stemStride     stem stride
 * @param blocks         searchable blocks in order
 * @param headChannels   head conv output channels
 * @param classes        classifier outputs (per image, or per pixel for segmentation)
 * @param skipPath       the skip path of a non-identity block
 * @param bnEpsilon      the epsilon of every BN
 * @param task           {@link Task#SEGMENTATION}, or null for classification (so that a classification network
 *                       reads and writes as it did before tasks existed)
 */
public record Architecture(
        int inChannels,
        int inHeight,
        int inWidth,
        int stemChannels,
        int stemKernel,
        int stemStride,
        List<BlockState> blocks,
        int headChannels,
        int classes,
        SkipPath skipPath,
        Double bnEpsilon,
        @JsonInclude(JsonInclude.Include.NON_NULL) Task task) {

    /** Segmentation's decoder takes its skip from the last feature map at this stride or finer. */
    public static final int DECODER_SKIP_STRIDE = 4;

    public Architecture {
        blocks = List.copyOf(blocks);
        task = task == Task.CLASSIFICATION ? null : task;
        skipPath = skipPath == null ? SkipPath.DENSE_BN : skipPath;
        bnEpsilon = bnEpsilon == null ? ConfigDefaults.AS_BEFORE_BN_EPSILON : bnEpsilon;
    }

    /** An architecture with the skip path and BN epsilon every network had before they became settings. */
    public Architecture(int inChannels, int inHeight, int inWidth, int stemChannels, int stemKernel, int stemStride,
            List<BlockState> blocks, int headChannels, int classes) {
        this(inChannels, inHeight, inWidth, stemChannels, stemKernel, stemStride, blocks, headChannels, classes, null,
                null, null);
    }

    /** The full supernet of a (resolved, valid) config. */
    public static Architecture supernet(SearchSpaceConfig config) {
        DataConfig data = config.data();
        StemConfig stem = config.stem();
        int height = ceilDiv(data.height(), stem.stride());
        int width = ceilDiv(data.width(), stem.stride());
        int channels = stem.channels();
        List<BlockState> blocks = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            for (int r = 0; r < stage.repeats(); r++) {
                int stride = r == 0 ? stage.stride() : 1;
                List<BranchState> branches = new ArrayList<>();
                int hidden = stage.expansionRatio() * channels;
                for (int k : stage.kernelSizes()) {
                    branches.add(new BranchState(k, hidden, hidden));
                }
                BlockState block = new BlockState(blocks.size(), channels, stage.channels(), stride, height, width,
                        branches);
                blocks.add(block);
                height = block.outHeight();
                width = block.outWidth();
                channels = stage.channels();
            }
        }
        NetworkConfig network = config.network();
        return new Architecture(data.channels(), data.height(), data.width(), stem.channels(), stem.kernelSize(),
                stem.stride(), blocks, config.head().channels(), data.classes(),
                network == null ? null : SkipPath.fromConfig(network.skipPath()),
                network == null ? null : network.bnEpsilon(), config.taskKind());
    }

    public Architecture withBlocks(List<BlockState> newBlocks) {
        return new Architecture(inChannels, inHeight, inWidth, stemChannels, stemKernel, stemStride, newBlocks,
                headChannels, classes, skipPath, bnEpsilon, task);
    }

    /** The same network with a classifier for {@code newClasses} outputs (transfer). */
    public Architecture withClasses(int newClasses) {
        return new Architecture(inChannels, inHeight, inWidth, stemChannels, stemKernel, stemStride, blocks,
                headChannels, newClasses, skipPath, bnEpsilon, task);
    }

    /**
     * The same body with another head (transfer across tasks or datasets): {@code newTask}'s head for
     * {@code newClasses} outputs on {@code height}×{@code width} inputs. Weight shapes of the body do not depend on
     * the input size, so the body's tensors fit unchanged; only the feature-map sizes are recomputed.
     */
    public Architecture withHead(Task newTask, int height, int width, int newClasses) {
        int h = ceilDiv(height, stemStride);
        int w = ceilDiv(width, stemStride);
        List<BlockState> resized = new ArrayList<>();
        for (BlockState b : blocks) {
            BlockState block = new BlockState(b.index(), b.inChannels(), b.outChannels(), b.stride(), h, w,
                    b.branches());
            resized.add(block);
            h = block.outHeight();
            w = block.outWidth();
        }
        return new Architecture(inChannels, height, width, stemChannels, stemKernel, stemStride, resized,
                headChannels, newClasses, skipPath, bnEpsilon, newTask);
    }

    /** Whether the head predicts a class per pixel. */
    public boolean segments() {
        return task == Task.SEGMENTATION;
    }

    /** Labels the network predicts per input image: one, or one per pixel for segmentation. */
    public long labelsPerImage() {
        return segments() ? (long) inHeight * inWidth : 1;
    }

    /**
     * The block whose output the segmentation decoder takes as its skip: the last one whose output is at most
     * {@value #DECODER_SKIP_STRIDE} times coarser than the input; -1 for the stem's output (when even the first
     * block is coarser).
     */
    public int decoderSkipBlock() {
        int chosen = -1;
        for (int i = 0; i < blocks.size(); i++) {
            BlockState block = blocks.get(i);
            if ((long) block.outHeight() * DECODER_SKIP_STRIDE >= inHeight
                    && (long) block.outWidth() * DECODER_SKIP_STRIDE >= inWidth) {
                chosen = i;
            }
        }
        return chosen;
    }

    /** Channels of the decoder's skip input. */
    public int decoderSkipChannels() {
        int b = decoderSkipBlock();
        return b < 0 ? stemChannels : blocks.get(b).outChannels();
    }

    /** Height of the decoder's skip input, the resolution at which the decoder predicts before upsampling. */
    public int decoderHeight() {
        int b = decoderSkipBlock();
        return b < 0 ? ceilDiv(inHeight, stemStride) : blocks.get(b).outHeight();
    }

    /** Width of the decoder's skip input. */
    public int decoderWidth() {
        int b = decoderSkipBlock();
        return b < 0 ? ceilDiv(inWidth, stemStride) : blocks.get(b).outWidth();
    }

    /** Input channels of the head conv (= output of the last block, or of the stem without blocks). */
    public int headInChannels() {
        return blocks.isEmpty() ? stemChannels : blocks.get(blocks.size() - 1).outChannels();
    }

    public int featureHeight() {
        return blocks.isEmpty() ? ceilDiv(inHeight, stemStride) : blocks.get(blocks.size() - 1).outHeight();
    }

    public int featureWidth() {
        return blocks.isEmpty() ? ceilDiv(inWidth, stemStride) : blocks.get(blocks.size() - 1).outWidth();
    }

    /**
     * Every weight layer that exists in this network, in forward order. Removed branches and removed block
     * bodies have no layers; the expand and project convs of a block span all its live branches (they are
     * one conv each, which computes exactly the sum of per-branch convs with fewer kernels).
     */
    public List<LayerShape> layers() {
        List<LayerShape> layers = new ArrayList<>();
        int stemH = ceilDiv(inHeight, stemStride);
        int stemW = ceilDiv(inWidth, stemStride);
        layers.add(new LayerShape("stem.conv", LayerKind.STEM, inChannels, stemChannels, stemKernel, 1, stemH, stemW,
                true));
        for (BlockState block : blocks) {
            String p = block.prefix();
            int hidden = block.hiddenChannels();
            if (hidden > 0) {
                layers.add(new LayerShape(p + ".expand", LayerKind.EXPAND, block.inChannels(), hidden, 1, 1,
                        block.inHeight(), block.inWidth(), true));
                for (BranchState branch : block.branches()) {
                    if (!branch.removed()) {
                        int h = branch.hiddenChannels();
                        layers.add(new LayerShape(depthwiseName(block, branch), LayerKind.DEPTHWISE, h, h,
                                branch.kernelSize(), h, block.outHeight(), block.outWidth(), true));
                    }
                }
                layers.add(new LayerShape(p + ".project", LayerKind.PROJECT, hidden, block.outChannels(), 1, 1,
                        block.outHeight(), block.outWidth(), true));
            }
            if (!block.identitySkip()) {
                layers.add(new LayerShape(p + ".skip", LayerKind.SKIP, block.inChannels(), block.outChannels(), 1,
                        skipGroups(block), block.outHeight(), block.outWidth(), true));
            }
        }
        layers.add(new LayerShape("head.conv", LayerKind.HEAD, headInChannels(), headChannels, 1, 1, featureHeight(),
                featureWidth(), true));
        if (segments()) {
            // ours: the decoder's skip projection (pruned like every conv), and the classifier at every pixel
            layers.add(new LayerShape(DECODER_SKIP, LayerKind.DECODER, decoderSkipChannels(), headChannels, 1, 1,
                    decoderHeight(), decoderWidth(), true));
            layers.add(new LayerShape("classifier", LayerKind.CLASSIFIER, headChannels, classes, 1, 1,
                    decoderHeight(), decoderWidth(), false));
        } else {
            layers.add(new LayerShape("classifier", LayerKind.CLASSIFIER, headChannels, classes, 1, 1, 1, 1, false));
        }
        return layers;
    }

    /** The layer name of segmentation's decoder skip projection. */
    public static final String DECODER_SKIP = "decoder.skip";

    /** Groups of a block's skip conv: 1 for the dense skip, gcd(in, out) for the grouped one. */
    public int skipGroups(BlockState block) {
        return skipPath.groups(block.inChannels(), block.outChannels());
    }

    /** Parameter name of a branch's depthwise conv, e.g. {@code blocks.3.dw.k5}. */
    public static String depthwiseName(BlockState block, BranchState branch) {
        return block.prefix() + ".dw.k" + branch.kernelSize();
    }

    /** Dense MACs of every layer (official convention: BN, activations and additions not counted). */
    public long macs() {
        return layers().stream().mapToLong(LayerShape::macs).sum();
    }

    /** Parameters: conv and linear weights plus the classifier bias (BN excluded, as in the official code). */
    public long params() {
        return layers().stream().mapToLong(LayerShape::weightCount).sum() + classes;
    }

    /** The smallest subnet of the same supernet: every block body searched away, only skip paths left. */
    public Architecture smallestSubnet() {
        return withBlocks(blocks.stream()
                .map(b -> b.withBranches(b.branches().stream().map(br -> br.withHiddenChannels(0)).toList()))
                .toList());
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
