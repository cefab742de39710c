package org.supertickets.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.RandomisedStates;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.space.BlockState;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketGraph;
import org.supertickets.ticket.TicketInput;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;
import org.supertickets.ticket.VersionTwoTicket;

/**
 * The exported file read back by a reader that is not the writer ({@link OnnxModelReader}): every intermediate value
 * has a {@code value_info} with the shape the value really has when the graph runs (run node by node with DJL,
 * {@link OnnxGraphRunner}, whose logits must be the workbench's), Split and Unsqueeze take their constants as the
 * declared opset defines, and the model names its producer, version and layout version. ONNX Runtime does not check
 * value_info (a model whose value_info gave a 24-channel Concat 12 channels loaded and ran), hence the run here.
 */
class OnnxModelFileTest {

    /** A batch size no other dimension has, so a dimension taken from the wrong place shows. */
    private static final int BATCH = 3;

    @TempDir
    Path tmp;

    @Test
    void everyIntermediateValueOfATrainedClassificationTicketHasItsTrueShape() throws Exception {
        Ticket ticket = TicketIo.read(VersionTwoTicket.copyTo(tmp.resolve("v2")));
        int values = checkShapes(ticket);
        assertTrue(values > 30, values + " intermediate values");
    }

    @Test
    void everyIntermediateValueOfAShrunkSegmentationTicketHasItsTrueShape() throws Exception {
        Ticket ticket = shrunkSegmentationTicket();
        Architecture a = ticket.network().architecture();
        assertTrue(a.blocks().get(1).bodyRemoved(), "a block that is its skip alone");
        assertEquals(2, a.blocks().get(0).branches().stream().filter(b -> !b.removed()).count());
        checkShapes(ticket);
    }

    @Test
    void splitAndUnsqueezeTakeTheirConstantsAsTheDeclaredOpsetDefines() throws Exception {
        Ticket ticket = shrunkSegmentationTicket();
        List<Long> sizes = liveHiddenChannels(ticket.network().architecture().blocks().get(0));

        OnnxModelReader.Model at17 = OnnxModelReader.read(TicketOnnxExport.encode(ticket, input(ticket), "test"));
        assertEquals(Map.of("", (long) TicketGraph.OPSET), at17.opsets());
        OnnxModelReader.Node split = node(at17, "Split");
        assertEquals(2, split.inputs().size(), "opset 13 on: the sizes are the second input");
        assertFalse(split.attributes().containsKey("split"), "opset 13 on: no 'split' attribute");
        OnnxModelReader.Tensor splitSizes = at17.graph().initializers().get(split.inputs().get(1));
        assertEquals(OnnxModelReader.INT64, splitSizes.dataType());
        assertEquals(sizes, boxed(splitSizes.longs()));
        OnnxModelReader.Node unsqueeze = node(at17, "Unsqueeze");
        assertFalse(unsqueeze.attributes().containsKey("axes"));
        assertEquals(List.of(2L, 3L), boxed(at17.graph().initializers().get(unsqueeze.inputs().get(1)).longs()));

        byte[] bytes11 = TicketOnnxExport.encode(ticket, input(ticket), "test", 11);
        OnnxModelReader.Model at11 = OnnxModelReader.read(bytes11);
        assertEquals(Map.of("", 11L), at11.opsets());
        OnnxModelReader.Node split11 = node(at11, "Split");
        assertEquals(1, split11.inputs().size());
        assertEquals(sizes, split11.attributes().get("split"));
        assertEquals(List.of(2L, 3L), node(at11, "Unsqueeze").attributes().get("axes"));
        assertTrue(at11.graph().initializers().values().stream()
                .noneMatch(t -> t.dataType() == OnnxModelReader.INT64), "no int64 constants left");

        // ONNX Runtime checks each node against its operator's schema in the declared opset before it runs one.
        float[] x = randomInput(ticket.network().architecture());
        float[] workbench = workbenchLogits(ticket, x);
        for (byte[] model : List.of(TicketOnnxExport.encode(ticket, input(ticket), "test"), bytes11)) {
            float[] ort = onnxRuntimeLogits(model, x, ticket.network().architecture());
            assertEquals(workbench.length, ort.length);
            for (int i = 0; i < ort.length; i++) {
                assertEquals(workbench[i], ort[i], 1e-4, "logit " + i);
            }
        }
    }

    @Test
    void theModelNamesItsProducerVersionAndLayout() throws Exception {
        Ticket ticket = TicketIo.read(VersionTwoTicket.copyTo(tmp.resolve("v2")));
        OnnxModelReader.Model m = OnnxModelReader.read(TicketOnnxExport.encode(ticket, input(ticket), "9.8.7"));
        assertEquals(TicketOnnxExport.MODEL_VERSION, m.modelVersion());
        assertTrue(m.modelVersion() >= 1, "set: 0 means none");
        assertEquals(TicketOnnxExport.PRODUCER, m.producerName());
        assertEquals("9.8.7", m.producerVersion());
        assertEquals(8, m.irVersion());
        assertTrue(m.docString().contains(ticket.manifest().provenance().sourceRun())
                && m.docString().contains("0.3450"), m.docString());
        assertTrue(m.graph().docString().contains("mean"), m.graph().docString());
        assertFalse(m.metadata().containsKey("test_images"), "a version-2 ticket did not record how many");
    }

    /**
     * Exports {@code ticket}, reads the file back, runs its graph with DJL on a batch of {@value #BATCH} and checks
     * each value_info against the value it names; returns how many there are.
     */
    private int checkShapes(Ticket ticket) throws Exception {
        Architecture a = ticket.network().architecture();
        OnnxModelReader.Graph graph = OnnxModelReader.read(TicketOnnxExport.encode(ticket, input(ticket), "test"))
                .graph();
        Set<String> outputs = new HashSet<>();
        graph.outputs().forEach(o -> outputs.add(o.name()));
        Set<String> intermediate = new LinkedHashSet<>();
        graph.nodes().forEach(n -> n.outputs().stream().filter(o -> !outputs.contains(o)).forEach(intermediate::add));
        Set<String> described = new LinkedHashSet<>();
        graph.valueInfo().forEach(v -> described.add(v.name()));
        assertEquals(intermediate, described, "a value_info for every intermediate value, and only for those");

        float[] x = randomInput(a);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray in = manager.create(x, new Shape(BATCH, a.inChannels(), a.inHeight(), a.inWidth()));
            Map<String, NDArray> values = OnnxGraphRunner.run(graph, in, manager);
            List<OnnxModelReader.ValueInfo> all = new ArrayList<>(graph.valueInfo());
            all.addAll(graph.outputs());
            for (OnnxModelReader.ValueInfo info : all) {
                NDArray value = values.get(info.name());
                assertNotNull(value, info.name());
                assertEquals(OnnxModelReader.FLOAT, info.elemType(), info.name());
                // The batch dimension is named; a value computed from parameters alone has none.
                List<Object> stated = new ArrayList<>();
                for (Object d : info.dims()) {
                    stated.add(TicketOnnxExport.BATCH.equals(d) ? (long) BATCH : d);
                }
                assertEquals(boxed(value.getShape().getShape()), stated, info.name());
                assertEquals(value.getShape().get(0) == BATCH, TicketOnnxExport.BATCH.equals(info.dims().get(0)),
                        info.name() + ": named batch dimension");
            }
            // The runner computed the network: its logits are the workbench's own.
            float[] logits = values.get(TicketGraph.OUTPUT).toFloatArray();
            float[] workbench = workbenchLogits(ticket, x);
            assertEquals(workbench.length, logits.length);
            for (int i = 0; i < logits.length; i++) {
                assertEquals(workbench[i], logits[i], 1e-4, "logit " + i);
            }
        }
        return described.size();
    }

    /**
     * The tiny segmentation supernet (32 x 32, blocks of kernels 3, 5, 7) cut down as a search would: block 0 keeps 3
     * channels of k3, none of k5 and 5 of k7, block 1 loses every branch (its skip alone); random BN statistics
     * and a third of the weights pruned, written and read back as a ticket.
     */
    private Ticket shrunkSegmentationTicket() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinySegmentation();
        NetworkState supernet = RandomisedStates.randomised(NetworkInitializer.initialize(
                Architecture.supernet(config), 5), 6, (name, i) -> i % 3 == 1);
        NetworkState shrunk = new ChannelSurgery(supernet, Map.of(
                0, Map.of(3, new int[] {0, 2, 5}, 5, new int[0], 7, new int[] {1, 2, 3, 8, 9}),
                1, Map.of(3, new int[0], 5, new int[0], 7, new int[0]))).apply(false);
        TicketProvenance provenance = new TicketProvenance(config, "h", 1, "shrunk-segmentation", 0, 0, "now",
                "none", "cpu", "0", "end");
        Path folder = tmp.resolve("shrunk");
        TicketIo.write(folder, new Ticket(TicketIo.manifest(shrunk, 0.5, 0.5, 1, 1, provenance), shrunk));
        return TicketIo.read(folder);
    }

    private static TicketInput input(Ticket ticket) {
        if (ticket.manifest().input() != null) {
            return ticket.manifest().input();
        }
        Architecture a = ticket.network().architecture();
        return new TicketInput(TicketInput.LAYOUT, a.inChannels(), a.inHeight(), a.inWidth(), 255, "test",
                new float[] {0}, new float[] {1}, TicketInput.FORMULA, null, "none", null, null, null);
    }

    private static float[] randomInput(Architecture a) {
        float[] x = new float[BATCH * a.inChannels() * a.inHeight() * a.inWidth()];
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** The workbench's own forward pass ({@link Supernet}, evaluation mode). */
    private static float[] workbenchLogits(Ticket ticket, float[] x) {
        Architecture a = ticket.network().architecture();
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(ticket.network(), root, Device.cpu())) {
            return net.forward(root.create(x, new Shape(BATCH, a.inChannels(), a.inHeight(), a.inWidth())),
                    BatchNormMode.EVAL).toFloatArray();
        }
    }

    private static float[] onnxRuntimeLogits(byte[] model, float[] x, Architecture a) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model, options);
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x),
                        new long[] {BATCH, a.inChannels(), a.inHeight(), a.inWidth()});
                OrtSession.Result result = session.run(Map.of(TicketGraph.INPUT, tensor))) {
            FloatBuffer buffer = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] logits = new float[buffer.remaining()];
            buffer.get(logits);
            return logits;
        }
    }

    private static List<Long> liveHiddenChannels(BlockState block) {
        return block.branches().stream().filter(b -> !b.removed()).map(b -> (long) b.hiddenChannels()).toList();
    }

    private static OnnxModelReader.Node node(OnnxModelReader.Model m, String op) {
        return m.graph().nodes().stream().filter(n -> n.op().equals(op)).findFirst().orElseThrow();
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
