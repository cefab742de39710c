package org.supertickets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.Architecture;
import org.supertickets.space.LayerKind;
import org.supertickets.space.LayerShape;
import org.supertickets.space.Task;
import org.supertickets.train.CrossEntropy;

/** The segmentation head: its layers and MACs, its bilinear upsampling, and the per-pixel loss's gradient. */
class SegmentationHeadTest {

    private static Architecture tinySegmentation() {
        // 12x12 input, stem stride 1, blocks at stride 2 (6x6) and 1 (6x6): the skip is the first block's output
        return Architecture.supernet(TestConfigs.tinySynthetic().withTask(Task.SEGMENTATION));
    }

    @Test
    void theDecoderTakesItsSkipFromTheLastFeatureMapAtStrideFourOrFiner() {
        Architecture a = tinySegmentation();
        assertEquals(1, a.decoderSkipBlock(), "both blocks are at stride 2; the later one is taken");
        assertEquals(6, a.decoderHeight());
        LayerShape skip = a.layers().stream().filter(l -> l.kind() == LayerKind.DECODER).findFirst().orElseThrow();
        assertEquals(8, skip.inChannels());
        assertEquals(16, skip.outChannels());
        assertTrue(skip.prunable(), "the decoder's conv is pruned like every conv");
        LayerShape classifier = a.layers().get(a.layers().size() - 1);
        assertEquals(LayerKind.CLASSIFIER, classifier.kind());
        assertEquals(16L * 4 * 6 * 6, classifier.macs(), "the classifier runs at every pixel of the decoder");
        Architecture classification = Architecture.supernet(TestConfigs.tinySynthetic());
        assertEquals(classification.macs() - 16 * 4 + 8L * 16 * 36 + 16L * 4 * 36, a.macs());
        assertEquals(null, classification.task(), "a classification network reads and writes as before");
    }

    @Test
    void bilinearMatricesSampleAsPyTorchWithoutAlignedCorners() {
        // F.interpolate(align_corners=False) of [a, b] to 4 values: a, .75a + .25b, .25a + .75b, b
        assertArrayEquals(new float[] {1, 0, .75f, .25f, .25f, .75f, 0, 1}, BilinearResize.matrix(2, 4), 1e-6f);
        // shrinking 4 to 2 averages the middle pairs: sources 0.5 and 2.5
        assertArrayEquals(new float[] {.5f, .5f, 0, 0, 0, 0, .5f, .5f}, BilinearResize.matrix(4, 2), 1e-6f);
        float[] m = BilinearResize.matrix(3, 7);
        for (int row = 0; row < 7; row++) {
            float sum = m[row * 3] + m[row * 3 + 1] + m[row * 3 + 2];
            assertEquals(1f, sum, 1e-6f, "row " + row + " is a convex combination");
        }
    }

    @Test
    void theForwardPassPredictsEveryPixelAndThePerPixelLossGradientMatchesFiniteDifferences() {
        Architecture architecture = tinySegmentation();
        NetworkState state = NetworkInitializer.initialize(architecture, 3);
        int n = 2;
        float[] pixels = new float[n * 12 * 12];
        long[] labels = new long[n * 12 * 12];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
            labels[i] = random.nextInt(4);
        }
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(state, root, Device.cpu())) {
            NDArray x = root.create(pixels, new Shape(n, 1, 12, 12));
            NDArray y = root.create(labels);
            NDArray logits = net.forward(x, BatchNormMode.EVAL);
            assertEquals(new Shape(n, 4, 12, 12), logits.getShape());

            String[] probed = {TensorNames.weight(TensorNames.DECODER_SKIP), TensorNames.weight(TensorNames.HEAD),
                TensorNames.CLASSIFIER_BIAS, TensorNames.weight(TensorNames.STEM)};
            float[][] gradients = new float[probed.length][];
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = CrossEntropy.loss(net.forward(x, BatchNormMode.EVAL), y, 0);
                collector.backward(loss);
                for (int p = 0; p < probed.length; p++) {
                    gradients[p] = net.tensor(probed[p]).getGradient().toFloatArray();
                }
            }
            for (int p = 0; p < probed.length; p++) {
                NDArray tensor = net.tensor(probed[p]);
                float[] values = tensor.toFloatArray();
                for (int index : new int[] {0, values.length / 2, values.length - 1}) {
                    double numeric = centralDifference(net, x, y, tensor, values, index, 1e-2f);
                    assertEquals(numeric, gradients[p][index], 2e-3 + 0.02 * Math.abs(numeric),
                            probed[p] + "[" + index + "]");
                }
            }
        }
    }

    /** (L(w + h) - L(w - h)) / 2h for one element, the tensor restored afterwards. */
    private static double centralDifference(Supernet net, NDArray x, NDArray y, NDArray tensor, float[] values,
            int index, float h) {
        float original = values[index];
        values[index] = original + h;
        tensor.set(java.nio.FloatBuffer.wrap(values));
        double plus = CrossEntropy.loss(net.forward(x, BatchNormMode.EVAL), y, 0).getFloat();
        values[index] = original - h;
        tensor.set(java.nio.FloatBuffer.wrap(values));
        double minus = CrossEntropy.loss(net.forward(x, BatchNormMode.EVAL), y, 0).getFloat();
        values[index] = original;
        tensor.set(java.nio.FloatBuffer.wrap(values));
        return (plus - minus) / (2 * h);
    }
}
