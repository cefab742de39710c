package org.supertickets.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.data.Normalization;
import org.supertickets.data.TestSetDescription;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.space.Architecture;
import org.supertickets.space.DataConfig;
import org.supertickets.space.NetworkConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.SkipPath;

/**
 * The format round-trips what outside readers need; versions 1 and 2 still open; derived fields are checked.
 */
class TicketFormatTest {

    @TempDir
    Path dir;

    private Path write(TicketInput input) throws Exception {
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 1);
        TicketProvenance p = new TicketProvenance(TestConfigs.tinySynthetic(), "h", 7, "run", 10, 1, "now", "e",
                "cpu", "0", "end");
        Path folder = dir.resolve("ticket");
        TicketIo.write(folder, new Ticket(TicketIo.manifest(network, 0.5, 0.5, 1, 1, p, input), network));
        return folder;
    }

    @Test
    void theInputTheEpsilonAndTheGraphRoundTrip() throws Exception {
        DataConfig data = new DataConfig("mnist", null, 1, 12, 12, 10, 0.1, 0, 300, false);
        TicketInput input = TicketInput.of(data, new Normalization(new float[] {0.1307f}, new float[] {0.3081f}), 300);
        TicketManifest m = TicketIo.read(write(input)).manifest();
        assertEquals(TicketManifest.FORMAT, m.format());
        assertArrayEquals(new float[] {0.1307f}, m.input().mean());
        assertArrayEquals(new float[] {0.3081f}, m.input().std());
        assertEquals(255.0, m.input().pixelScale());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), m.input().classNames());
        assertTrue(m.input().testSplit().startsWith("the first 300 images of t10k-images-idx3-ubyte"),
                m.input().testSplit());
        TestSetDescription test = m.input().testSet();
        assertEquals(new TestSetDescription("mnist", "assets/mnist", List.of("t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"), TestSetDescription.Selection.FILE_ORDER, 300, 300, null, null), test);
        assertNull(m.input().canvas());
        assertNull(m.input().greyFromRgb());
        assertEquals(1e-5, m.bnEpsilon());
        assertEquals(TicketGraph.of(m.architecture()), m.graph());
        assertEquals(TicketGraph.OPSET, m.graphOpset());
        TicketGraphNode first = m.graph().get(0);
        assertEquals(List.of(TicketGraph.INPUT, "stem.conv.weight"), first.inputs());
        assertEquals(TicketGraph.OUTPUT, m.graph().get(m.graph().size() - 1).outputs().get(0));
    }

    /** The fields a program reads, under the names the documentation gives them, with numbers, not prose. */
    @Test
    void theStructuredInputFieldsAreJsonNumbersAndLists() throws Exception {
        DataConfig data = new DataConfig("mnist", null, 1, 12, 12, 10, 0.1, 0, 300, false);
        Path folder = write(TicketInput.of(data, new Normalization(new float[] {0.5f}, new float[] {0.25f}), 300));
        JsonNode manifest = new ObjectMapper().readTree(folder.resolve(TicketIo.MANIFEST).toFile());
        JsonNode test = manifest.get("input").get("testSet");
        assertTrue(test.get("images").isInt() && test.get("images").asInt() == 300, test.toString());
        assertTrue(test.get("limit").isInt() && test.get("limit").asInt() == 300, test.toString());
        assertEquals("FILE_ORDER", test.get("selection").asText());
        assertEquals("t10k-images-idx3-ubyte", test.get("files").get(0).asText());
        assertEquals(0.5, manifest.get("input").get("mean").get(0).asDouble());
        assertEquals(TicketGraph.OPSET, manifest.get("graphOpset").asInt());
    }

    @Test
    void theGraphOfTheTinySupernetSplitsEachBlocksExpandIntoItsBranchesInOrder() {
        List<TicketGraphNode> graph = TicketGraph.of(Architecture.supernet(TestConfigs.tinySynthetic()));
        TicketGraphNode split = node(graph, "blocks.0.split");
        assertEquals(List.of("blocks.0.hidden.k3", "blocks.0.hidden.k5"), split.outputs());
        // Opset 13 on: the sizes are Split's second input, here from a Constant node just before it.
        assertEquals(List.of("blocks.0.expand_bn.relu.out", "blocks.0.split.sizes"), split.inputs());
        assertEquals(Map.of("axis", 1), split.attributes());
        TicketGraphNode sizes = node(graph, "blocks.0.split.sizes");
        assertEquals(TicketGraph.CONSTANT, sizes.op());
        assertEquals(List.of(8, 8), sizes.attributes().get(TicketGraph.VALUE_INTS));
        assertEquals(List.of("blocks.0.split.sizes"), sizes.outputs());
        assertTrue(graph.indexOf(sizes) < graph.indexOf(split), "defined before it is read");
    }

    @Test
    void beforeOpset13SplitAndUnsqueezeTakeTheirConstantsAsAttributes() throws Exception {
        Architecture a = Architecture.supernet(TestConfigs.tinySegmentation());
        List<TicketGraphNode> graph = TicketGraph.of(a);
        List<TicketGraphNode> old = TicketGraph.atOpset(graph, 11);
        assertTrue(old.stream().noneMatch(n -> n.op().equals(TicketGraph.CONSTANT)), "no Constant is left");
        assertEquals(graph.size() - old.size(), graph.stream().filter(n -> n.op().equals(TicketGraph.CONSTANT))
                .count());
        TicketGraphNode split = node(old, "blocks.0.split");
        assertEquals(List.of("blocks.0.expand_bn.relu.out"), split.inputs());
        assertEquals(node(graph, "blocks.0.split.sizes").attributes().get(TicketGraph.VALUE_INTS),
                split.attributes().get("split"));
        TicketGraphNode unsqueeze = node(old, "classifier.as_conv");
        assertEquals(List.of("classifier.weight"), unsqueeze.inputs());
        assertEquals(List.of(2, 3), unsqueeze.attributes().get("axes"));
        assertEquals(graph, TicketGraph.atOpset(graph, 13), "from opset 13 on the graph is as written");
    }

    /**
     * A ticket written before the structured input fields and the graph's opset (format version 2) opens: its input
     * as written, the new fields absent, and its graph, written in opset 11's form, derived again in opset 17's.
     */
    @Test
    void aVersionTwoTicketOpensWithoutTheNewFieldsAndWithItsGraphInOpset17() throws Exception {
        Path folder = VersionTwoTicket.copyTo(dir.resolve("v2"));
        JsonNode raw = new ObjectMapper().readTree(folder.resolve(TicketIo.MANIFEST).toFile());
        assertNull(raw.get("graphOpset"));
        assertTrue(raw.get("graph").toString().contains("\"split\":[12,12]"), "written in opset 11's form");

        Ticket ticket = TicketIo.read(folder);
        TicketManifest m = ticket.manifest();
        assertEquals(TicketManifest.FORMAT_V2, m.format());
        assertArrayEquals(new float[] {(float) raw.get("input").get("mean").get(0).asDouble()}, m.input().mean());
        assertTrue(m.input().testSplit().startsWith("the first 200 images"), m.input().testSplit());
        assertNull(m.input().testSet());
        assertNull(m.input().canvas());
        assertNull(m.input().greyFromRgb());
        assertEquals(TicketGraph.of(ticket.network().architecture()), m.graph());
        assertEquals(TicketGraph.OPSET, m.graphOpset());
        assertEquals(0.345, m.metrics().testAccuracy(), 1e-12);
    }

    @Test
    void aVersionOneTicketOpensWithItsGraphDerivedAndNoInput() throws Exception {
        Ticket ticket = TicketIo.read(VersionOneTicket.copyTo(dir.resolve("v1")));
        assertEquals(TicketManifest.FORMAT_V1, ticket.manifest().format());
        assertNull(ticket.manifest().input());
        assertEquals(TicketGraph.of(ticket.network().architecture()), ticket.manifest().graph());
        assertEquals(0.5433333333333333, ticket.manifest().metrics().testAccuracy(), 1e-12);
    }

    /**
     * The ticket's run recorded no {@code network} and no {@code training.ema}: it trained with the dense skip and
     * without the average, whatever today's defaults are, and rewinding rebuilds that supernet.
     */
    @Test
    void anOlderTicketsConfigReadsAsItRanNotAsTodaysDefaults() throws Exception {
        Ticket ticket = TicketIo.read(VersionOneTicket.copyTo(dir.resolve("v1")));
        SearchSpaceConfig config = ticket.manifest().provenance().config();
        assertEquals(new NetworkConfig("dense", 1e-5, 0.1, "mobilenetv2"), config.network());
        assertEquals(false, config.training().ema().enabled());
        NetworkState rewound = TicketStart.network(ticket, TicketStart.Weights.REWOUND, 0);
        assertEquals(ticket.network().architecture(), rewound.architecture());
        assertEquals(SkipPath.DENSE_BN, rewound.architecture().skipPath());
    }

    @Test
    void anEditedGraphIsRefusedWithTheFileAndTheFix() throws Exception {
        Path folder = write(null);
        Path manifest = folder.resolve(TicketIo.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"op\" : \"Relu\"", "\"op\" : \"Sigmoid\""));
        String message = assertThrows(CorruptFileException.class, () -> TicketIo.read(folder)).getMessage();
        assertTrue(message.contains(manifest.toString()) && message.contains("graph") && message.contains("delete"),
                message);
    }

    @Test
    void aGraphOpsetOtherThanTheGraphsIsRefused() throws Exception {
        Path folder = write(null);
        Path manifest = folder.resolve(TicketIo.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"graphOpset\" : " + TicketGraph.OPSET,
                "\"graphOpset\" : 11"));
        String message = assertThrows(CorruptFileException.class, () -> TicketIo.read(folder)).getMessage();
        assertTrue(message.contains("graphOpset") && message.contains("delete"), message);
    }

    @Test
    void anUnknownVersionNamesTheReadableOnes() throws Exception {
        Path folder = write(null);
        Path manifest = folder.resolve(TicketIo.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace(TicketManifest.FORMAT,
                "supertickets-ticket/99"));
        String message = assertThrows(CorruptFileException.class, () -> TicketIo.read(folder)).getMessage();
        assertTrue(TicketManifest.READABLE.stream().allMatch(message::contains), message);
    }

    private static TicketGraphNode node(List<TicketGraphNode> graph, String name) {
        return graph.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }
}
