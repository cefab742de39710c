package org.supertickets.ticket;

import org.supertickets.io.AtomicFiles;
import org.supertickets.io.NonFiniteAsNull;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.NetworkStateCodec;
import org.supertickets.model.SafetensorsFile;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.NetworkMeasures;
import org.supertickets.space.Architecture;
import org.supertickets.space.LayerShape;

/**
 * Writes and reads ticket folders: {@code ticket.json} (the manifest) and {@code weights.safetensors}
 * (masked weights, U8 masks, BN tensors, I32 channel origins) — see docs/run-folder.md and
 * docs/tickets-outside.md.
 */
public final class TicketIo {

    public static final String MANIFEST = "ticket.json";
    public static final String WEIGHTS = "weights.safetensors";
    private static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;
    /** The form of the graphs written before the graph declared its opset: Split's sizes as an attribute. */
    private static final int OLDER_GRAPH_OPSET = 11;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(NonFiniteAsNull.primitivesModule())
            .build();
    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private TicketIo() {
    }

    /** The per-layer table of a network. */
    public static List<TicketLayer> layerTable(NetworkState network) {
        List<TicketLayer> layers = new ArrayList<>();
        for (LayerShape layer : network.architecture().layers()) {
            HostTensor mask = network.tensors().get(TensorNames.mask(layer.name()));
            long total = layer.weightCount();
            long kept = total;
            if (mask != null) {
                kept = 0;
                for (float m : mask.data()) {
                    kept += m != 0f ? 1 : 0;
                }
            }
            layers.add(new TicketLayer(layer.name(), layer.kind(), layer.weightShape(), layer.inChannels(),
                    layer.outChannels(), total, kept, total == 0 ? 0 : 1.0 - (double) kept / total, layer.macs(),
                    layer.sparseMacs(kept)));
        }
        return layers;
    }

    /** Builds the manifest of a network without a known input (made outside a run: tests, tools). */
    public static TicketManifest manifest(NetworkState network, double testAccuracy, double validationAccuracy,
            long supernetMacs, long supernetParams, TicketProvenance provenance) {
        return manifest(network, testAccuracy, validationAccuracy, supernetMacs, supernetParams, provenance, null);
    }

    /** Builds the manifest of a network from its measures, provenance and the input its run fed it. */
    public static TicketManifest manifest(NetworkState network, double testAccuracy, double validationAccuracy,
            long supernetMacs, long supernetParams, TicketProvenance provenance, TicketInput input) {
        return manifest(network, new TestScores(testAccuracy, validationAccuracy, null, null), supernetMacs,
                supernetParams, provenance, input);
    }

    /**
     * What a run measured on its ticket: the accuracies (per pixel for segmentation) and, for segmentation, the test
     * mean IoU with and without the background class (null for classification).
     */
    public record TestScores(double testAccuracy, double validationAccuracy, Double testMeanIou,
            Double testMeanIouWithoutBackground) {
    }

    /** Builds the manifest of a network from what its run measured, its provenance and the input it was fed. */
    public static TicketManifest manifest(NetworkState network, TestScores scores, long supernetMacs,
            long supernetParams, TicketProvenance provenance, TicketInput input) {
        NetworkMeasures m = NetworkMeasures.of(network);
        return new TicketManifest(TicketManifest.FORMAT, network.architecture(), layerTable(network),
                new TicketMetrics(scores.testAccuracy(), scores.validationAccuracy(), m.sparsity(), m.macs(),
                        m.sparseMacs(), m.exactSparseMacs(), m.params(), m.keptParams(), supernetMacs, supernetParams,
                        scores.testMeanIou(), scores.testMeanIouWithoutBackground()),
                provenance, input, TicketGraph.epsilon(network.architecture()),
                TicketGraph.of(network.architecture()), TicketGraph.OPSET);
    }

    public static void write(Path folder, Ticket ticket) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(WEIGHTS), out -> SafetensorsFile.write(out,
                NetworkStateCodec.toEntries(ticket.network(), true), weightsMetadata(ticket.manifest())));
        // A metric never measured (NaN) is written as null, as in metrics.jsonl, not as the string "NaN".
        JsonNode manifest = JSON.valueToTree(ticket.manifest());
        NonFiniteAsNull.replaceIn(manifest);
        AtomicFiles.writeString(folder.resolve(MANIFEST), JSON.writeValueAsString(manifest));
    }

    /**
     * The safetensors metadata: enough to know what the tensors are without {@code ticket.json} (architecture,
     * input, epsilon), and where the rest is.
     */
    private static Map<String, String> weightsMetadata(TicketManifest manifest) throws JsonProcessingException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", TicketManifest.FORMAT);
        metadata.put("architecture", COMPACT.writeValueAsString(manifest.architecture()));
        if (manifest.input() != null) {
            metadata.put("input", COMPACT.writeValueAsString(manifest.input()));
        }
        metadata.put("bn_epsilon", String.valueOf(TicketGraph.epsilon(manifest.architecture())));
        metadata.put("readme", "the forward pass, metrics and provenance are in ticket.json next to this file; "
                + "BN tensors <bn>.gamma|beta|mean|var are PyTorch's weight|bias|running_mean|running_var");
        return metadata;
    }

    /**
     * Reads a ticket from its folder (or its {@code ticket.json}).
     *
     * @throws CorruptFileException naming the file and the problem when anything is missing or damaged
     */
    public static Ticket read(Path folderOrManifest) throws IOException, CorruptFileException {
        Path folder = Files.isDirectory(folderOrManifest) ? folderOrManifest : folderOrManifest.getParent();
        Path manifestFile = folder.resolve(MANIFEST);
        Path weightsFile = folder.resolve(WEIGHTS);
        if (!Files.isRegularFile(manifestFile)) {
            throw new CorruptFileException(manifestFile, "does not exist: a ticket folder holds " + MANIFEST
                    + " and " + WEIGHTS + " (a run writes them to <run>/ticket/ when it completes)");
        }
        if (!Files.isRegularFile(weightsFile)) {
            throw new CorruptFileException(weightsFile, "does not exist; the ticket is incomplete");
        }
        if (Files.size(manifestFile) > MAX_MANIFEST_BYTES) {
            throw new CorruptFileException(manifestFile, "is larger than 16 MB; not a ticket manifest");
        }
        TicketManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), TicketManifest.class);
        } catch (JsonProcessingException e) {
            throw new CorruptFileException(manifestFile, "is not a valid ticket manifest: " + e.getOriginalMessage()
                    + locationOf(e));
        }
        if (manifest == null || !TicketManifest.READABLE.contains(manifest.format())) {
            throw new CorruptFileException(manifestFile, "has format '" + (manifest == null ? null : manifest.format())
                    + "'; this workbench reads '" + String.join("', '", TicketManifest.READABLE) + "'");
        }
        if (manifest.architecture() == null) {
            throw new CorruptFileException(manifestFile, "has no architecture");
        }
        manifest = TicketManifestCheck.checked(manifestFile, manifest);
        NetworkState network;
        try {
            // The architecture comes from the manifest, so an impossible one is the manifest's fault.
            NetworkStateCodec.checkPlausible(manifestFile, manifest.architecture());
            TicketManifestCheck.checkSubnetOf(manifestFile, manifest.architecture(), manifest.provenance().config());
            SafetensorsFile.Header header = SafetensorsFile.readHeader(weightsFile);
            NetworkStateCodec.checkHeader(weightsFile, manifest.architecture(), header);
            network = NetworkStateCodec.fromEntries(weightsFile, manifest.architecture(),
                    SafetensorsFile.readTensors(header).tensors());
        } catch (RuntimeException e) {
            throw new CorruptFileException(manifestFile, "describes an impossible architecture (" + e.getMessage()
                    + ")");
        }
        // After the architecture was checked against the weights: an impossible one is reported as such first.
        Architecture a = manifest.architecture();
        List<TicketGraphNode> graph = TicketGraph.of(a);
        double epsilon = TicketGraph.epsilon(a);
        if (manifest.graph() == null || manifest.bnEpsilon() == null || manifest.graphOpset() == null
                && manifest.bnEpsilon() == epsilon && olderGraphs(a).contains(manifest.graph())) {
            // Version 1 wrote neither; both follow from the architecture, which the weights are checked against.
            // Version 2 wrote the graph without its opset, in opset 11's form (Split's sizes an attribute), and the
            // first segmentation tickets the classification graph (no decoder): derived again likewise.
            manifest = manifest.withGraph(epsilon, graph, TicketGraph.OPSET);
        } else if (!graph.equals(manifest.graph()) || manifest.bnEpsilon() != epsilon
                || !Integer.valueOf(TicketGraph.OPSET).equals(manifest.graphOpset())) {
            // All three are derived, never read: an edited copy would tell outside readers something else than we run.
            throw new CorruptFileException(manifestFile, "has a 'graph', 'graphOpset' or 'bnEpsilon' that does not "
                    + "follow from its architecture (they are written from it); restore the file, or delete the "
                    + "three fields to have them derived again");
        }
        return new Ticket(manifest, network);
    }

    /**
     * The graphs older versions wrote for {@code a}: opset 11's form of today's, and for segmentation also of the
     * classification graph of the same body (the first segmentation tickets).
     */
    private static List<List<TicketGraphNode>> olderGraphs(Architecture a) {
        List<List<TicketGraphNode>> older = new ArrayList<>();
        older.add(TicketGraph.atOpset(TicketGraph.of(a), OLDER_GRAPH_OPSET));
        if (a.segments()) {
            older.add(TicketGraph.atOpset(withoutDecoder(a), OLDER_GRAPH_OPSET));
        }
        return older;
    }

    /** The graph the first segmentation tickets wrote: the classification one of the same body. */
    private static List<TicketGraphNode> withoutDecoder(Architecture a) {
        return TicketGraph.of(new Architecture(a.inChannels(), a.inHeight(), a.inWidth(), a.stemChannels(),
                a.stemKernel(), a.stemStride(), a.blocks(), a.headChannels(), a.classes(), a.skipPath(),
                a.bnEpsilon(), null));
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
