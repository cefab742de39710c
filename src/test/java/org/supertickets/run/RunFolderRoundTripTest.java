package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.space.Architecture;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.SnapshotBuilder;
import org.supertickets.train.TrainerCheckpoint;
import org.supertickets.train.TrainingEvent;

class RunFolderRoundTripTest {

    @TempDir
    Path dir;

    private final NetworkState network = NetworkInitializer.initialize(
            Architecture.supernet(TestConfigs.tinySynthetic()), 3);

    @Test
    void checkpointRoundTripsExactly() throws Exception {
        Path file = dir.resolve("ck.safetensors");
        Map<String, HostTensor> momentum = Map.of("stem.conv.weight", network.tensor("stem.conv.weight"));
        CheckpointIo.write(file, new TrainerCheckpoint(42, 3, network, momentum, 1.25, 7, 16, 9e9, "abc",
                Map.of("stem.conv.mask", network.tensor("stem.conv.mask"))));
        TrainerCheckpoint back = CheckpointIo.read(file);
        assertEquals(42, back.step());
        assertEquals(3, back.pruneEvents());
        assertEquals("abc", back.configHash());
        assertEquals(network.architecture(), back.network().architecture());
        for (String name : network.tensors().keySet()) {
            assertArrayEquals(network.tensor(name).data(), back.network().tensor(name).data(), name);
        }
        assertArrayEquals(network.channelOrigins().get("blocks.0.dw.k5"),
                back.network().channelOrigins().get("blocks.0.dw.k5"));
        assertArrayEquals(momentum.get("stem.conv.weight").data(), back.momentum().get("stem.conv.weight").data());
        assertTrue(Files.list(dir).allMatch(p -> p.getFileName().toString().equals("ck.safetensors")),
                "no temp file is left behind");
    }

    @Test
    void checkpointOfAnotherKindIsRejectedWithItsName() throws Exception {
        Path file = dir.resolve("ticket-as-checkpoint.safetensors");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.supertickets.model.SafetensorsFile.write(out, Map.of(), Map.of("format", "something-else"));
        Files.write(file, out.toByteArray());
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> CheckpointIo.read(file));
        assertTrue(e.getMessage().contains("ticket-as-checkpoint.safetensors"));
    }

    @Test
    void eventsRoundTripThroughJsonLines() {
        TrainingEvent eval = new EvalMetrics(10, 0.5, 1.2, 0.6, 0.3, 0.3, 1000, 700, 690, 500, 350, 40, 4, 2);
        assertEquals(eval, EventJson.fromJson(EventJson.toJson(eval)));
        TrainingEvent snapshot = SnapshotBuilder.build(network, 0, 0, "start", true);
        String line = EventJson.toJson(snapshot);
        assertTrue(line.startsWith("{\"type\":\"snapshot\""));
        assertEquals(line, EventJson.toJson(EventJson.fromJson(line)));
        assertThrows(IllegalArgumentException.class, () -> EventJson.fromJson("{\"type\":\"nope\"}"));
    }

    @Test
    void aMetricsLineCarriesTheWallClockMomentItWasWrittenAndReadsAsBefore() throws Exception {
        RunFolder folder = RunFolder.create(dir, "timed", LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        TrainingEvent eval = new EvalMetrics(10, 0.5, 1.2, 0.6, 0.3, 0.3, 1000, 700, 690, 500, 350, 40, 4, 2);
        java.time.Instant before = java.time.Instant.now();
        new RunFolderWriter(folder, null, "hash").onEvent(eval);
        String line = Files.readAllLines(folder.metrics()).get(0);
        assertTrue(line.startsWith("{\"type\":\"eval\",\"time\":\""), line);
        java.time.Instant written = java.time.Instant.parse(EventJson.MAPPER.readTree(line).get("time").asText());
        assertTrue(!written.isBefore(before) && !written.isAfter(java.time.Instant.now()), line);
        assertEquals(eval, EventJson.fromJson(line), "readers ignore the time");
    }

    @Test
    void readerOnlyReturnsCompleteLinesAndContinuesWhereItStopped() throws Exception {
        RunFolder folder = RunFolder.create(dir, "r", LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        Files.writeString(folder.config(), "{}");
        RunFolderReader reader = new RunFolderReader(folder);
        String first = EventJson.toJson(new EvalMetrics(1, 0.1, 1, 0.5, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1));
        String second = EventJson.toJson(new EvalMetrics(2, 0.2, 1, 0.6, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1));
        Files.writeString(folder.metrics(), first + "\n" + second.substring(0, 20));
        List<TrainingEvent> got = reader.readNew();
        assertEquals(1, got.size());
        Files.writeString(folder.metrics(), first + "\n" + second + "\n");
        got = reader.readNew();
        assertEquals(1, got.size());
        assertEquals(2, got.get(0).step());
        assertEquals(0, reader.readNew().size());
    }

    @Test
    void repairDropsATornLastLineAndRejectedLines() throws Exception {
        Path file = dir.resolve("m.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"b\":2}\n{\"c\":");
        int dropped = JsonLines.repair(file, line -> !line.contains("b"));
        assertEquals(2, dropped);
        assertEquals("{\"a\":1}\n", Files.readString(file));
    }

    @Test
    void twoRunsStartedInTheSameSecondGetDifferentFolders() throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 11, 25, 8, 0, 0);
        RunFolder a = RunFolder.create(dir, "same", now);
        RunFolder b = RunFolder.create(dir, "same", now);
        assertNotEquals(a.path(), b.path());
        assertEquals("same-20261125-080000-2", b.name());
        assertEquals("bad_name_", RunFolder.sanitize("bad/name!"));
    }

    @Test
    void aCancelledRunsLogSaysItsTicketWasNotEvaluatedRatherThanNaN() throws Exception {
        RunFolder folder = RunFolder.create(dir, "cancelled", LocalDateTime.of(2026, 12, 1, 12, 0));
        RunFolderWriter writer = new RunFolderWriter(folder, TestConfigs.tinySynthetic(), "hash");
        writer.onEvent(new org.supertickets.train.RunFinished(40, 1, org.supertickets.train.RunFinished.Outcome
                .CANCELLED, "Cancelled at step 40.", Double.NaN, Double.NaN, Double.NaN, 0.3, 10, 5, 100, 2, 1e6));
        String log = Files.readString(folder.log());
        assertTrue(log.contains("test acc not evaluated"), log);
        assertTrue(!log.contains("NaN"), log);
    }
}
