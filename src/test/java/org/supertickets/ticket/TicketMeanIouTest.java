package org.supertickets.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.space.Architecture;

/**
 * A segmentation ticket records its test mean IoU; a classification ticket's {@code metrics} keep exactly the fields,
 * in the order, they always had (so its {@code ticket.json} reads and writes as before).
 */
class TicketMeanIouTest {

    /** The metrics of every ticket written before segmentation, in their order. */
    private static final List<String> CLASSIFICATION_FIELDS = List.of("testAccuracy", "validationAccuracy", "sparsity",
            "macs", "sparseMacs", "exactSparseMacs", "params", "keptParams", "supernetMacs", "supernetParams");

    @TempDir
    Path dir;

    private Path write(String name, TicketIo.TestScores scores) throws Exception {
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 1);
        TicketProvenance p = new TicketProvenance(TestConfigs.tinySynthetic(), "h", 7, "run", 10, 1, "now", "e",
                "cpu", "0", "end");
        Path folder = dir.resolve(name);
        TicketIo.write(folder, new Ticket(TicketIo.manifest(network, scores, 1, 1, p, null), network));
        return folder;
    }

    private static List<String> metricFields(Path folder) throws Exception {
        JsonNode metrics = new ObjectMapper().readTree(folder.resolve(TicketIo.MANIFEST).toFile()).get("metrics");
        List<String> names = new ArrayList<>();
        metrics.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aClassificationTicketWritesTheMetricsItAlwaysWrote() throws Exception {
        Path folder = write("cls", new TicketIo.TestScores(0.5, 0.4, null, null));
        assertEquals(CLASSIFICATION_FIELDS, metricFields(folder));
        assertFalse(Files.readString(folder.resolve(TicketIo.MANIFEST)).contains("Iou"));
        TicketMetrics m = TicketIo.read(folder).manifest().metrics();
        assertFalse(m.segmentation());
        assertNull(m.testMeanIou());
    }

    @Test
    void aSegmentationTicketKeepsItsMeanIouWithAndWithoutTheBackground() throws Exception {
        Path folder = write("seg", new TicketIo.TestScores(0.81, 0.8, 0.41, 0.35));
        List<String> expected = new ArrayList<>(CLASSIFICATION_FIELDS);
        expected.addAll(List.of("testMeanIou", "testMeanIouWithoutBackground"));
        assertEquals(expected, metricFields(folder));
        TicketMetrics m = TicketIo.read(folder).manifest().metrics();
        assertTrue(m.segmentation());
        assertEquals(0.41, m.testMeanIou());
        assertEquals(0.35, m.testMeanIouWithoutBackground());
    }

    @Test
    void aMetricNeverMeasuredIsWrittenAsNullAndReadBackAsNaN() throws Exception {
        Path folder = write("no-validation", new TicketIo.TestScores(0.5, Double.NaN, null, null));
        String manifest = Files.readString(folder.resolve(TicketIo.MANIFEST));
        assertFalse(manifest.contains("NaN"), "ticket.json writes null as metrics.jsonl does: " + manifest);
        assertTrue(new ObjectMapper().readTree(manifest).get("metrics").get("validationAccuracy").isNull());
        assertTrue(Double.isNaN(TicketIo.read(folder).manifest().metrics().validationAccuracy()));
        Files.writeString(folder.resolve(TicketIo.MANIFEST), manifest.replace("\"validationAccuracy\" : null",
                "\"validationAccuracy\" : \"NaN\""));
        assertTrue(Double.isNaN(TicketIo.read(folder).manifest().metrics().validationAccuracy()),
                "tickets written before still read");
    }

    @Test
    void aMeanIouOutsideZeroToOneIsRefusedAsForged() throws Exception {
        Path folder = write("forged", new TicketIo.TestScores(0.81, 0.8, 0.41, 0.35));
        Path manifest = folder.resolve(TicketIo.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"testMeanIou\" : 0.41",
                "\"testMeanIou\" : 4.1"));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> TicketIo.read(folder));
        assertTrue(e.getMessage().contains("testMeanIou"), e.getMessage());
    }
}
