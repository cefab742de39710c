package org.supertickets.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.io.AtomicFiles;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.SafetensorsFile;
import org.supertickets.run.CheckpointIo;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunOwnership;
import org.supertickets.run.RunSetupException;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;
import org.supertickets.train.TrainerCheckpoint;

/**
 * Weight files and checkpoints forged in their sizes and values: each is refused with the file, the field and the
 * fix before anything large is allocated — no stack trace, no out-of-memory, no run that trains nothing.
 */
@Timeout(60)
class ForgedFilesTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private static NetworkState tinyNetwork() {
        return NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 1);
    }

    private Path checkpoint(long step, long windowCorrect, long windowImages) throws Exception {
        Path file = dir.resolve("latest.safetensors");
        CheckpointIo.write(file, new TrainerCheckpoint(step, 1, tinyNetwork(), Map.of(), 0.5, windowCorrect,
                windowImages, 0, "h", Map.of()));
        return file;
    }

    @Test
    void aCheckpointMadeSparselyLongerThanItsTensorsIsRefusedBeforeReading() throws Exception {
        Path file = checkpoint(5, 0, 0);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() + 8 * GIB); // large on paper, nothing on disk
        }
        String message = assertThrows(CorruptFileException.class, () -> CheckpointIo.read(file)).getMessage();
        assertTrue(message.startsWith(file.toString()) && message.contains("longer than its tensors"), message);
    }

    @Test
    void aTensorOfMoreThanTwoGigabytesIsReportedNotACapacityStackTrace() throws Exception {
        Path file = dir.resolve("huge.safetensors");
        long elements = 600_000_000L; // 2.4 GB of F32 each: more bytes than an int counts, and together over -Xmx4g
        Map<String, Long> tensors = new LinkedHashMap<>();
        tensors.put("huge.0", elements);
        tensors.put("huge.1", elements);
        writeForged(file, Map.of("format", "x"), tensors);
        String message = assertThrows(CorruptFileException.class, () -> SafetensorsFile.read(file)).getMessage();
        assertTrue(message.startsWith(file.toString()) && message.contains("MB of memory"), message);
    }

    @Test
    void eightForgedOneGibTensorsInATicketAreRefusedBeforeAnyIsAllocated() throws Exception {
        Path ticket = tinyTicket();
        Map<String, Long> huge = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            huge.put("forged." + i, GIB / 4);
        }
        Path weights = ticket.resolve(TicketIo.WEIGHTS);
        writeForged(weights, Map.of("format", "x"), huge);
        long before = usedHeap();
        String message = assertThrows(CorruptFileException.class, () -> TicketIo.read(ticket)).getMessage();
        assertTrue(message.startsWith(weights.toString()), message);
        assertTrue(usedHeap() - before < GIB, "nothing near a GiB was allocated");
    }

    @Test
    void anImpossibleArchitectureInTicketJsonIsBlamedOnTicketJson() throws Exception {
        Path ticket = tinyTicket();
        Path manifest = ticket.resolve(TicketIo.MANIFEST);
        String text = Files.readString(manifest);
        String forged = text.replaceFirst("\"stemKernel\"\\s*:\\s*\\d+", "\"stemKernel\":4");
        assertTrue(!forged.equals(text), "the manifest names its stem kernel");
        Files.writeString(manifest, forged);
        String message = assertThrows(CorruptFileException.class, () -> TicketIo.read(ticket)).getMessage();
        assertTrue(message.startsWith(manifest.toString()) && message.contains("impossible"), message);
    }

    @Test
    void negativeOrInconsistentCheckpointMetadataNamesTheField() throws Exception {
        Path negative = checkpoint(-5, 0, 0);
        String message = assertThrows(CorruptFileException.class, () -> CheckpointIo.read(negative)).getMessage();
        assertTrue(message.contains("'step' is -5") && message.contains("Fix:"), message);

        Path moreCorrectThanSeen = checkpoint(5, 40, 32);
        message = assertThrows(CorruptFileException.class, () -> CheckpointIo.read(moreCorrectThanSeen)).getMessage();
        assertTrue(message.contains("'windowCorrect' is 40"), message);
    }

    /**
     * A checkpoint is read with the same value checks as a ticket (issue 28): a negative BN variance, a weight of
     * 3e38, a channel origin out of range, and a moving average of the weights out of bounds are each refused,
     * naming the file, the tensor and the fix, instead of resuming a run that turns NaN at its first step.
     */
    @Test
    void aCheckpointWithFiniteButImpossibleValuesIsRefusedNamingTheTensor() throws Exception {
        Map<String, TicketForgery.Edit> forgeries = new LinkedHashMap<>();
        forgeries.put("stem.bn.var", f -> TicketForgery.editTensor(f, "stem.bn.var", v -> v[0] = -1f));
        forgeries.put("stem.conv.weight", f -> TicketForgery.editTensor(f, "stem.conv.weight", v -> v[0] = 3e38f));
        forgeries.put("origin/", f -> TicketForgery.editOrigins(f, o -> o[0] = Integer.MIN_VALUE));
        forgeries.put("ema/head.bn.mean", f -> TicketForgery.editTensor(f, "ema/head.bn.mean", v -> v[0] = 1e30f));
        NetworkState network = tinyNetwork();
        Map<String, org.supertickets.model.HostTensor> average = Map.of("head.bn.mean",
                network.tensor("head.bn.mean"));
        for (Map.Entry<String, TicketForgery.Edit> forgery : forgeries.entrySet()) {
            Path file = dir.resolve("forged.safetensors");
            CheckpointIo.write(file, new TrainerCheckpoint(5, 1, network, Map.of(), 0.5, 0, 0, 0, "h", Map.of(),
                    Map.of(), 0, average));
            assertTrue(CheckpointIo.read(file).weightAverage().containsKey("head.bn.mean"), "the intact one reads");
            forgery.getValue().apply(file);
            String message = assertThrows(CorruptFileException.class, () -> CheckpointIo.read(file)).getMessage();
            assertTrue(message.startsWith(file.toString()) && message.contains(forgery.getKey())
                    && message.contains("Fix:"), message);
        }
    }

    @Test
    void aCheckpointStepBeyondTheRunIsRefusedByResumeAndTheFolderIsFreedAgain() throws Exception {
        RunFolder folder = runFolderWithCheckpoint(99_999_999_999L);
        String message = assertThrows(RunSetupException.class, () -> LocalRun.resume(folder.path(), "cpu", null))
                .getMessage();
        assertTrue(message.contains("'step' is 99999999999") && message.contains("steps") && message.contains("Fix:"),
                message);
        RunOwnership.claim(folder.path()).release();
    }

    @Test
    void aCheckpointThatIsAFolderIsCalledAFolder() throws Exception {
        RunFolder folder = runFolderWithCheckpoint(0);
        Files.delete(folder.latestCheckpoint());
        Files.createDirectory(folder.latestCheckpoint());
        String message = assertThrows(RunSetupException.class, () -> LocalRun.resume(folder.path(), "cpu", null))
                .getMessage();
        assertTrue(message.contains("is a folder"), message);
    }

    private Path tinyTicket() throws Exception {
        Path ticket = dir.resolve("ticket");
        NetworkState network = tinyNetwork();
        TicketProvenance provenance = new TicketProvenance(TestConfigs.tinySynthetic(), "h", 7, "run", 10, 1, "now",
                "engine", "cpu", "0", "end");
        TicketIo.write(ticket, new Ticket(TicketIo.manifest(network, 0.5, 0.5, 1, 1, provenance), network));
        return ticket;
    }

    private RunFolder runFolderWithCheckpoint(long step) throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        RunFolder folder = RunFolder.create(dir.resolve("runs"), "forged", LocalDateTime.now());
        AtomicFiles.writeString(folder.config(), ConfigIo.toJson(config));
        SearchSpaceConfig loaded = ConfigIo.loadResolved(folder.config());
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(loaded), 1);
        CheckpointIo.write(folder.latestCheckpoint(), new TrainerCheckpoint(step, 0, network, Map.of(), 0, 0, 0, 0,
                ConfigIo.hash(loaded), Map.of()));
        return folder;
    }

    /** A safetensors file whose header declares F32 tensors of the given element counts; the data is a hole. */
    static void writeForged(Path file, Map<String, String> metadata, Map<String, Long> elements) throws Exception {
        StringBuilder header = new StringBuilder("{\"__metadata__\":{");
        metadata.forEach((k, v) -> header.append('"').append(k).append("\":\"").append(v).append("\","));
        header.setLength(header.length() - (metadata.isEmpty() ? 0 : 1));
        header.append('}');
        long offset = 0;
        for (Map.Entry<String, Long> e : elements.entrySet()) {
            long bytes = e.getValue() * 4;
            header.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":[").append(e.getValue())
                    .append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        byte[] json = header.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(0);
            raf.write(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(json.length)
                    .array());
            raf.write(json);
            raf.setLength(8 + json.length + offset);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
