package org.supertickets.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.supertickets.io.AtomicFiles;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketGraph;
import org.supertickets.ticket.TicketGraphNode;
import org.supertickets.ticket.TicketInput;
import org.supertickets.ticket.TicketManifest;

/**
 * Writes a ticket as an ONNX model (opset {@value TicketGraph#OPSET}): the compacted network as a real graph of
 * Conv, BatchNormalization, Relu, Split, Concat, Add, GlobalAveragePool, Flatten and Gemm ({@link TicketGraph}),
 * every tensor of {@code weights.safetensors} it uses as an initializer, and the input preprocessing in the
 * model's metadata (the network expects normalised images; it does not normalise them itself, as in training).
 * A segmentation ticket's graph ends in its decoder instead (Unsqueeze, Conv with bias, MatMul by the constant
 * bilinear interpolation matrices, also initializers) and outputs {@code [N, classes, H, W]}. The graph's int64
 * Constants (Split's sizes, Unsqueeze's axes) are written as initializers of the same name, and every intermediate
 * value has its {@code value_info} (type and shape, batch dimension {@code N}), which Netron writes on the edges.
 *
 * <p>Pruned weights are stored as dense zeros: the file holds every weight of the compacted network (4 bytes
 * each) however sparse it is, so its size is that of the dense compacted network; the zeros cost nothing in
 * accuracy and compress well (zip). Removed channels, branches and blocks are not in it at all.
 */
public final class TicketOnnxExport {

    /** Producer name written into the model. */
    public static final String PRODUCER = "SuperTickets Workbench";
    /**
     * {@code ModelProto.model_version}: the version of this export's layout of a ticket (value and initializer names,
     * operators, metadata keys), raised when that layout changes, so that a program written against one can check
     * it. 1 is the first to write it, with {@code value_info}; files written before carry none (0).
     */
    public static final long MODEL_VERSION = 1;
    /** The oldest opset the export writes: its other operators read as in opset 17 from there on. */
    static final int OLDEST_OPSET = 11;
    /** The name of the batch dimension. */
    static final String BATCH = "N";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private TicketOnnxExport() {
    }

    /** Writes {@code ticket} to {@code file} atomically (temp file, fsync, rename). */
    public static void write(Ticket ticket, TicketInput input, String workbenchVersion, Path file) throws IOException {
        byte[] bytes = encode(ticket, input, workbenchVersion);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The model file's bytes, at opset {@value TicketGraph#OPSET}. */
    public static byte[] encode(Ticket ticket, TicketInput input, String workbenchVersion) {
        return encode(ticket, input, workbenchVersion, TicketGraph.OPSET);
    }

    /**
     * The model file's bytes with the operators of {@code opset}: from opset 13 on Split's sizes and Unsqueeze's axes
     * are int64 inputs, before it attributes ({@link TicketGraph#atOpset}). The other operators read the same from
     * opset 11 to 17; older opsets are refused.
     */
    static byte[] encode(Ticket ticket, TicketInput input, String workbenchVersion, int opset) {
        if (opset < OLDEST_OPSET || opset > TicketGraph.OPSET) {
            throw new IllegalArgumentException("opset " + opset + ": the export writes opsets " + OLDEST_OPSET + " to "
                    + TicketGraph.OPSET);
        }
        NetworkState network = ticket.network();
        Architecture a = network.architecture();
        OnnxModel model = new OnnxModel(opset);
        String preprocessing = preprocessing(input);
        List<Object> inputShape = List.of(BATCH, (long) a.inChannels(), (long) a.inHeight(), (long) a.inWidth());
        model.input(TicketGraph.INPUT, inputShape, "normalised images: " + preprocessing);
        // Segmentation's bilinear resizes are written as the very MatMuls Supernet computes, with the same constant
        // matrices (BilinearResize.matrix), not as ONNX Resize (linear, half_pixel): Resize would be the same
        // function, but ONNX Runtime recomputes its sampling weights in float from float scales, while the MatMuls
        // carry the workbench's weights bit for bit, so the two engines differ only in how each rounds a two-term
        // sum (SegmentationExportTest measures the difference; Resize was not tried).
        Map<String, HostTensor> constants = TicketGraph.constants(a);
        List<TicketGraphNode> graph = TicketGraph.atOpset(TicketGraph.of(a), opset);
        Set<String> parameters = new LinkedHashSet<>();
        Map<String, long[]> parameterShapes = new LinkedHashMap<>();
        Set<String> intConstants = new LinkedHashSet<>();
        for (TicketGraphNode node : graph) {
            if (TicketGraph.CONSTANT.equals(node.op())) {
                // An initializer rather than a node: Netron shows it with its consumer, not as a node of its own.
                model.initializer(node.outputs().get(0), ((List<?>) node.attributes().get(TicketGraph.VALUE_INTS))
                        .stream().mapToLong(v -> ((Number) v).longValue()).toArray());
                intConstants.add(node.outputs().get(0));
                continue;
            }
            for (String i : node.inputs()) {
                HostTensor t = constants.containsKey(i) ? constants.get(i) : network.tensors().get(i);
                if (t != null && parameters.add(i)) {
                    parameterShapes.put(i, t.shape());
                }
            }
            model.node(node.name(), node.op(), node.inputs(), node.outputs(), node.attributes());
        }
        Map<String, List<Object>> shapes = OnnxShapes.of(graph, inputShape, parameterShapes);
        List<Object> outputShape = shapes.get(TicketGraph.OUTPUT);
        String classIndex = input.classNames() == null ? "" : " index into metadata class_names";
        model.output(TicketGraph.OUTPUT, outputShape, a.segments()
                ? "per-pixel class scores (logits); argmax over axis 1 = each pixel's class" + classIndex
                : "class scores (logits); argmax = class" + classIndex);
        for (TicketGraphNode node : graph) {
            for (String value : node.outputs()) {
                if (!value.equals(TicketGraph.OUTPUT) && !intConstants.contains(value)) {
                    model.valueInfo(value, shapes.get(value));
                }
            }
        }
        for (String name : parameters) {
            HostTensor t = constants.containsKey(name) ? constants.get(name) : maskedTensor(network, name);
            model.initializer(name, t.shape(), t.data());
        }
        TicketManifest m = ticket.manifest();
        return model.toBytes(new OnnxModel.Description(a.inChannels() + "x" + a.inHeight() + "x" + a.inWidth()
                + " ticket", "Compacted SuperTicket; pruned weights are stored as zeros. Input: " + preprocessing,
                PRODUCER, workbenchVersion, MODEL_VERSION, modelDoc(m), metadata(m, input, preprocessing)));
    }

    /** ModelProto.doc_string: what the model is, in one line (Netron: the model's description). */
    private static String modelDoc(TicketManifest m) {
        StringBuilder doc = new StringBuilder("SuperTicket");
        if (m.provenance() != null) {
            doc.append(" of run ").append(m.provenance().sourceRun());
        }
        if (m.metrics() != null) {
            doc.append(String.format(Locale.ROOT, ": test %s %.4f, %.1f%% of its weights pruned",
                    m.architecture().segments() ? "pixel accuracy" : "accuracy", m.metrics().testAccuracy(),
                    100 * m.metrics().sparsity()));
        }
        return doc.append(". Input: normalised images (metadata: preprocessing); ticket format ").append(m.format())
                .toString();
    }

    /** Weights with their mask applied (a ticket stores them masked already; this keeps it true for any network). */
    private static HostTensor maskedTensor(NetworkState network, String name) {
        HostTensor t = network.tensors().get(name);
        if (!name.endsWith(TensorNames.WEIGHT)) {
            return t;
        }
        HostTensor mask = network.tensors().get(name.substring(0, name.length() - TensorNames.WEIGHT.length())
                + TensorNames.MASK);
        if (mask == null) {
            return t;
        }
        float[] w = t.data().clone();
        float[] k = mask.data();
        for (int i = 0; i < w.length; i++) {
            w[i] = k[i] == 0f ? 0f : w[i];
        }
        return new HostTensor(w, t.shape());
    }

    static String preprocessing(TicketInput input) {
        return String.format(Locale.ROOT, "x[n, c, h, w] = (pixel / %s - mean[c]) / std[c], mean = %s, std = %s, "
                + "%s [N, %d, %d, %d] (%s)", trim(input.pixelScale()), Arrays.toString(input.mean()),
                Arrays.toString(input.std()), input.layout(), input.channels(), input.height(), input.width(),
                input.pixels());
    }

    private static Map<String, String> metadata(TicketManifest m, TicketInput input, String preprocessing) {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("preprocessing", preprocessing);
        md.put("pixel_scale", trim(input.pixelScale()));
        md.put("mean", Arrays.toString(input.mean()));
        md.put("std", Arrays.toString(input.std()));
        md.put("layout", input.layout());
        md.put("pixels", input.pixels());
        md.put("class_names", json(input.classNames()));
        md.put("test_split", input.testSplit());
        if (input.testSet() != null) {
            md.put("test_set", json(input.testSet()));
            if (input.testSet().images() != null) {
                md.put("test_images", String.valueOf(input.testSet().images()));
            }
        }
        if (input.greyFromRgb() != null) {
            md.put("grey_from_rgb", json(input.greyFromRgb()));
        }
        if (input.canvas() != null) {
            md.put("canvas", json(input.canvas()));
        }
        md.put("bn_epsilon", String.valueOf(m.bnEpsilon()));
        md.put("pruned_weights", "stored as dense zeros (the file is the size of the dense compacted network)");
        md.put("ticket_format", m.format());
        if (m.architecture().segments()) {
            md.put("task", "segmentation");
            md.put("output", "logits [N, classes, H, W]: argmax over axis 1 is each pixel's class (0 = background); "
                    + "test_accuracy is the share of pixels right, test_mean_iou the mean IoU over the classes in "
                    + "truth or prediction");
        }
        if (m.metrics() != null) {
            md.put("test_accuracy", String.valueOf(m.metrics().testAccuracy()));
            if (m.metrics().testMeanIou() != null) {
                md.put("test_mean_iou", String.valueOf(m.metrics().testMeanIou()));
            }
            md.put("weight_sparsity", String.valueOf(m.metrics().sparsity()));
            md.put("macs_dense", String.valueOf(m.metrics().macs()));
        }
        if (m.provenance() != null) {
            md.put("source_run", String.valueOf(m.provenance().sourceRun()));
            md.put("config_hash", String.valueOf(m.provenance().configHash()));
            md.put("seed", String.valueOf(m.provenance().seed()));
        }
        return md;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
