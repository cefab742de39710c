package org.supertickets.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.CorruptFileException;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.NetworkValueLimits;
import org.supertickets.model.SafetensorsFile;
import org.supertickets.model.TensorNames;
import org.supertickets.run.CheckpointIo;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.ConfigValidator;
import org.supertickets.space.NetworkSummary;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;
import org.supertickets.ticket.TicketStart;
import org.supertickets.train.TrainerCheckpoint;

/**
 * Mutates valid configs, tickets and checkpoints (fixed seed, bounded counts) and checks that every case ends in
 * success or in the documented, readable error — never another exception, never a hang.
 */
class FuzzTest {

    private static final int CONFIG_CASES = 3000;
    private static final int FILE_CASES = 600;

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(20261125);

    @Test
    void mutatedConfigsLoadOrFailWithAConfigException() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (String name : new String[] {"quickstart", "fashion-mnist", "cifar10"}) {
            seeds.add(Files.readString(Path.of("sample-configs", name + ".json")));
        }
        int valid = 0;
        for (int i = 0; i < CONFIG_CASES; i++) {
            String text = mutateText(seeds.get(i % seeds.size()));
            try {
                SearchSpaceConfig resolved = ConfigResolver.resolve(ConfigIo.parse(Path.of("fuzz.json"), text));
                if (ConfigValidator.validate(resolved).isEmpty()) {
                    NetworkSummary.of(resolved);
                    Architecture.supernet(resolved).layers();
                    ConfigIo.hash(resolved);
                    valid++;
                }
            } catch (ConfigException expected) {
                assertTrue(expected.getMessage().contains("fuzz.json"), expected.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " threw " + e + " for:\n" + text, e);
            }
        }
        assertTrue(valid > 0, "some mutations should still be valid configs");
    }

    @Test
    void mutatedTicketsReadOrFailWithACorruptFileException() throws Exception {
        Path good = goodTicket();
        byte[] manifest = Files.readAllBytes(good.resolve(TicketIo.MANIFEST));
        byte[] weights = Files.readAllBytes(good.resolve(TicketIo.WEIGHTS));
        Path fuzz = dir.resolve("fuzz");
        Files.createDirectories(fuzz);
        for (int i = 0; i < FILE_CASES; i++) {
            boolean textCase = i % 2 == 0;
            Files.write(fuzz.resolve(TicketIo.MANIFEST), textCase
                    ? mutateText(new String(manifest, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                    : manifest);
            Files.write(fuzz.resolve(TicketIo.WEIGHTS), textCase ? weights : mutateBytes(weights));
            try {
                assertUsable(TicketIo.read(fuzz));
            } catch (CorruptFileException | IOException expected) {
                assertTrue(expected.getMessage().contains(fuzz.toString()), expected.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                throw new AssertionError("ticket case " + i + " threw " + e, e);
            }
        }
    }

    @Test
    void mutatedCheckpointsReadOrFailWithACorruptFileException() throws Exception {
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 1);
        Path good = dir.resolve("good.safetensors");
        CheckpointIo.write(good, new TrainerCheckpoint(5, 1, network, Map.of(), 0, 0, 0, 0, "h", Map.of()));
        byte[] bytes = Files.readAllBytes(good);
        Path fuzz = dir.resolve("fuzz.safetensors");
        for (int i = 0; i < FILE_CASES; i++) {
            Files.write(fuzz, i % 3 == 0 ? mutateHeader(bytes) : mutateBytes(bytes));
            try {
                CheckpointIo.read(fuzz);
            } catch (CorruptFileException | IOException expected) {
                assertTrue(expected.getMessage().contains("fuzz.safetensors"), expected.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                throw new AssertionError("checkpoint case " + i + " threw " + e, e);
            }
        }
    }

    /**
     * Sizes and metadata values rather than shapes of JSON: files cut short or made longer (sparse, by up to
     * 16 GiB), and every scalar of a checkpoint set to an extreme. Each case reads back in range or is refused.
     */
    @Test
    void checkpointsWithForgedSizesAndMetadataValuesReadInRangeOrFailReadably() throws Exception {
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 1);
        Path good = dir.resolve("good.safetensors");
        CheckpointIo.write(good, new TrainerCheckpoint(5, 1, network, Map.of(), 0.5, 3, 4, 7, "h", Map.of()));
        SafetensorsFile.Contents contents = SafetensorsFile.read(good);
        List<String> fields = List.of("step", "pruneEvents", "windowLoss", "windowCorrect", "windowImages",
                "trainingMacs");
        List<String> values = List.of("-5", "-1", "0", "99999999999", "2147483648", "-9223372036854775808", "NaN",
                "Infinity", "-0.0", "1e308", "x", "");
        Path fuzz = dir.resolve("fuzz.safetensors");
        for (int i = 0; i < FILE_CASES / 2; i++) {
            if (i % 2 == 0) {
                Map<String, String> meta = new java.util.LinkedHashMap<>(contents.metadata());
                meta.put(fields.get(random.nextInt(fields.size())), values.get(random.nextInt(values.size())));
                try (var out = Files.newOutputStream(fuzz)) {
                    SafetensorsFile.write(out, contents.tensors(), meta);
                }
            } else {
                Files.copy(good, fuzz, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                forgeLength(fuzz);
            }
            try {
                TrainerCheckpoint read = CheckpointIo.read(fuzz);
                assertTrue(read.step() >= 0 && read.pruneEvents() >= 0 && read.windowImages() >= 0
                        && read.windowCorrect() >= 0 && read.windowCorrect() <= read.windowImages()
                        && Double.isFinite(read.windowLoss()) && read.windowLoss() >= 0
                        && Double.isFinite(read.trainingMacs()) && read.trainingMacs() >= 0, "case " + i);
            } catch (CorruptFileException | IOException expected) {
                assertTrue(expected.getMessage().contains("fuzz.safetensors"), expected.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                throw new AssertionError("size/metadata case " + i + " threw " + e, e);
            }
        }
    }

    /**
     * Tickets forged in their sizes and values: weights cut short or made longer (sparse, up to 16 GiB), the
     * header length (the first 8 bytes) set to extremes, and ticket.json's metrics set to extremes. Each case reads
     * back with metrics in range or is refused naming the file.
     */
    @Test
    void ticketsWithForgedSizesHeaderLengthsAndMetricValuesReadInRangeOrFailReadably() throws Exception {
        Path good = goodTicket();
        String manifest = Files.readString(good.resolve(TicketIo.MANIFEST));
        byte[] weights = Files.readAllBytes(good.resolve(TicketIo.WEIGHTS));
        List<Long> headerLengths = List.of(0L, 1L, 7L, 8L, (long) Integer.MAX_VALUE, 1L << 31, 1L << 40,
                Long.MAX_VALUE, -1L, Long.MIN_VALUE, (long) weights.length, (long) weights.length - 8);
        List<String> fields = List.of("testAccuracy", "validationAccuracy", "sparsity", "macs", "sparseMacs",
                "params", "keptParams", "supernetMacs");
        List<String> values = List.of("-5", "-1", "0", "1", "1.5", "99999999999", "9223372036854775807",
                "-9223372036854775808", "\"NaN\"", "\"Infinity\"", "-0.0", "1e308", "\"x\"", "null");
        Path fuzz = dir.resolve("fuzz");
        Files.createDirectories(fuzz);
        for (int i = 0; i < FILE_CASES / 2; i++) {
            Files.writeString(fuzz.resolve(TicketIo.MANIFEST), manifest);
            Files.write(fuzz.resolve(TicketIo.WEIGHTS), weights);
            switch (i % 3) {
                case 0 -> forgeLength(fuzz.resolve(TicketIo.WEIGHTS));
                case 1 -> {
                    java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .putLong(headerLengths.get(random.nextInt(headerLengths.size())));
                    byte[] forged = weights.clone();
                    System.arraycopy(header.array(), 0, forged, 0, 8);
                    Files.write(fuzz.resolve(TicketIo.WEIGHTS), forged);
                }
                default -> {
                    String field = fields.get(random.nextInt(fields.size()));
                    String forged = manifest.replaceFirst("\"" + field + "\"\\s*:\\s*[^,}]+",
                            java.util.regex.Matcher.quoteReplacement("\"" + field + "\":"
                                    + values.get(random.nextInt(values.size()))));
                    Files.writeString(fuzz.resolve(TicketIo.MANIFEST), forged);
                }
            }
            try {
                var m = TicketIo.read(fuzz).manifest().metrics();
                assertTrue((m.testAccuracy() >= 0 && m.testAccuracy() <= 1 || Double.isNaN(m.testAccuracy()))
                        && m.sparsity() >= 0 && m.sparsity() <= 1 && m.macs() >= 0 && m.params() >= 0
                        && m.keptParams() >= 0 && m.sparseMacs() >= 0 && m.supernetMacs() >= 0, "case " + i);
            } catch (CorruptFileException | IOException expected) {
                assertTrue(expected.getMessage().contains(fuzz.toString()), expected.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                throw new AssertionError("ticket size/value case " + i + " threw " + e, e);
            }
        }
    }

    /**
     * Tickets whose files stay well-formed but whose content is forged (issue 28): provenance removed or null, its
     * config null or with 0 to 5,000 stages, channel origins set to extremes, repeated or permuted, and BN
     * statistics, scales, shifts and weights set to extreme finite values. Each case reads back as a ticket every
     * command can use — its supernet is rebuilt from the config and cut down by the origins, as {@code retrain}
     * does, and its values are within {@link NetworkValueLimits} — or is refused naming the damaged file.
     */
    @Test
    void ticketsWithForgedProvenanceOriginsAndValuesReadUsablyOrFailNamingTheFile() throws Exception {
        Path good = goodTicket();
        List<String> names = TicketForgery.tensorNames(good);
        List<String> statistics = names.stream().filter(n -> n.endsWith(TensorNames.RUNNING_VAR)
                || n.endsWith(TensorNames.RUNNING_MEAN)).toList();
        List<String> parameters = names.stream().filter(n -> n.endsWith(TensorNames.WEIGHT)
                || n.endsWith(TensorNames.GAMMA) || n.endsWith(TensorNames.BETA)
                || n.equals(TensorNames.CLASSIFIER_BIAS)).toList();
        int[] stageCounts = {0, 1, 2, 3, 32, 33, 5000};
        int[] origins = {Integer.MIN_VALUE, -1, 0, 1, 7, 8, 15, 16, 1 << 20, Integer.MAX_VALUE};
        float[] values = {-3e38f, -1.0001e4f, -1e4f, -1f, -1e-30f, -0f, 0f, Float.MIN_VALUE, 1f, 9999f, 1e4f,
            1.0001e4f, 1e8f, 1.0001e8f, 3e38f};
        Path fuzz = dir.resolve("forged");
        int usable = 0;
        for (int i = 0; i < FILE_CASES / 2; i++) {
            copyTicket(good, fuzz);
            String blamed = i % 4 == 0 ? TicketIo.MANIFEST : TicketIo.WEIGHTS;
            switch (i % 4) {
                case 0 -> TicketForgery.editManifest(fuzz, m -> {
                    switch (random.nextInt(5)) {
                        case 0 -> m.remove("provenance");
                        case 1 -> m.putNull("provenance");
                        case 2 -> TicketForgery.provenance(m).putNull("config");
                        case 3 -> TicketForgery.provenance(m).remove("config");
                        default -> TicketForgery.repeatStages(m, stageCounts[random.nextInt(stageCounts.length)]);
                    }
                });
                case 1 -> TicketForgery.editOrigins(fuzz.resolve(TicketIo.WEIGHTS), o -> {
                    switch (random.nextInt(3)) {
                        case 0 -> o[random.nextInt(o.length)] = origins[random.nextInt(origins.length)];
                        case 1 -> o[random.nextInt(o.length)] = o[random.nextInt(o.length)];
                        default -> {
                            for (int k = o.length - 1; k > 0; k--) { // a permutation: still valid
                                int j = random.nextInt(k + 1);
                                int t = o[k];
                                o[k] = o[j];
                                o[j] = t;
                            }
                        }
                    }
                });
                default -> {
                    List<String> pool = i % 4 == 2 ? statistics : parameters;
                    TicketForgery.editTensor(fuzz.resolve(TicketIo.WEIGHTS), pool.get(random.nextInt(pool.size())),
                            v -> v[random.nextInt(v.length)] = values[random.nextInt(values.length)]);
                }
            }
            try {
                assertUsable(TicketIo.read(fuzz));
                usable++;
            } catch (CorruptFileException expected) {
                assertTrue(expected.getMessage().startsWith(fuzz.resolve(blamed).toString())
                        && expected.getMessage().contains("Fix:"), "case " + i + ": " + expected.getMessage());
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                throw new AssertionError("forged ticket case " + i + " threw " + e, e);
            }
        }
        assertTrue(usable > 0 && usable < FILE_CASES / 2, "some forgeries are harmless, most are not: " + usable);
    }

    /** What the commands rely on: a provenance with a config, the ticket cut from its supernet, values in range. */
    private static void assertUsable(Ticket ticket) {
        var provenance = ticket.manifest().provenance();
        assertTrue(provenance != null && provenance.config() != null, "a read ticket has its config");
        TicketStart.network(ticket, TicketStart.Weights.REWOUND, 0);
        ticket.network().tensors().forEach((name, t) -> {
            for (float v : t.data()) {
                boolean variance = name.endsWith(TensorNames.RUNNING_VAR);
                assertTrue(Float.isFinite(v) && (variance ? v >= 0 && v <= NetworkValueLimits.MAX_VARIANCE
                        : Math.abs(v) <= NetworkValueLimits.MAX_MAGNITUDE), name + " holds " + v);
            }
        });
    }

    private static void copyTicket(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String file : List.of(TicketIo.MANIFEST, TicketIo.WEIGHTS)) {
            Files.copy(from.resolve(file), to.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Logs forged in their line sizes: valid events, blank and garbage lines, lines of NULs (sparse holes) just
     * under, at and over the longest line a reader takes, a torn tail. Streaming, following and repair all hand on
     * exactly the complete lines that fit, in order, and none throws.
     */
    @Test
    void logsWithForgedLineSizesAreStreamedFollowedAndRepairedAlike() throws Exception {
        int max = org.supertickets.run.JsonLines.MAX_LINE_BYTES;
        long[] longLines = {1, 1000, max - 1, max, max + 1L, 3L * max};
        for (int c = 0; c < 12; c++) {
            org.supertickets.run.RunFolder folder = new org.supertickets.run.RunFolder(
                    Files.createDirectories(dir.resolve("log" + c)));
            Path file = folder.metrics();
            List<String> expected = new ArrayList<>();
            List<Long> expectedSteps = new ArrayList<>();
            boolean bigDone = false;
            int segments = 1 + random.nextInt(6);
            for (int k = 0; k < segments; k++) {
                int kind = random.nextInt(4);
                if (kind == 0 && !bigDone) {
                    bigDone = true;
                    long size = longLines[random.nextInt(longLines.length)];
                    try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                        raf.setLength(raf.length() + size); // a line of NULs, a hole on disk
                    }
                    Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
                    if (size <= max) {
                        expected.add("\0".repeat((int) size));
                    }
                } else if (kind == 1) {
                    Files.writeString(file, "\n", java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                } else if (kind == 2) {
                    String garbage = "{\"type\":" + random.nextInt(1000) + "]";
                    Files.writeString(file, garbage + "\n", java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                    expected.add(garbage);
                } else {
                    long step = expectedSteps.size() + 1;
                    String event = org.supertickets.run.EventJson.toJson(new org.supertickets.train.StepMetrics(step,
                            step, 1, 0.5, 0.1, 0, 1, 10));
                    Files.writeString(file, event + "\n", java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                    expected.add(event);
                    expectedSteps.add(step);
                }
            }
            if (random.nextBoolean()) {
                Files.writeString(file, "{\"torn", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            try {
                List<String> streamed = new ArrayList<>();
                org.supertickets.run.JsonLines.forEachLine(file, streamed::add);
                assertTrue(expected.equals(streamed), "case " + c + ": streamed lines differ");

                org.supertickets.run.RunFolderReader follower = new org.supertickets.run.RunFolderReader(folder);
                List<Long> followed = new ArrayList<>();
                for (int call = 0; call < 20; call++) {
                    follower.readNew().forEach(e -> followed.add(e.step()));
                }
                assertTrue(expectedSteps.equals(followed), "case " + c + ": followed " + followed);

                org.supertickets.run.JsonLines.repair(file, line -> true);
                List<String> repaired = new ArrayList<>();
                org.supertickets.run.JsonLines.forEachLine(file, repaired::add);
                assertTrue(expected.equals(repaired), "case " + c + ": repaired lines differ");
            } catch (RuntimeException | OutOfMemoryError e) {
                throw new AssertionError("log case " + c + " threw " + e, e);
            }
            Files.walk(folder.path()).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path goodTicket() throws IOException {
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 1);
        Path good = dir.resolve("good");
        TicketProvenance provenance = new TicketProvenance(TestConfigs.tinySynthetic(), "h", 7, "run", 10, 1, "now",
                "engine", "cpu", "0", "end");
        TicketIo.write(good, new Ticket(TicketIo.manifest(network, 0.5, 0.5, 1, 1, provenance), network));
        return good;
    }

    /** Cuts the file short, or makes it a little or up to 16 GiB longer (sparse: nothing written). */
    private void forgeLength(Path file) throws IOException {
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            raf.setLength(switch (random.nextInt(3)) {
                case 0 -> random.nextLong(length);
                case 1 -> length + 1 + random.nextInt(4096);
                default -> length + random.nextLong(16L << 30);
            });
        }
    }

    private String mutateText(String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(7)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, "{}[],:\"-0123456789eE.nulltrue".charAt(random.nextInt(29)));
                case 2 -> s.setLength(at);
                case 3 -> replaceNumber(s, at, List.of("-1", "0", "1e9", "99999999999", "0.5", "NaN", "\"x\"",
                        "null", "[]", "{}", "2147483648", "7"));
                case 4 -> replaceNumber(s, at, List.of("3", "4", "1", "0", "11", "13", "-3"));
                case 5 -> s.replace(at, Math.min(s.length(), at + 5), "");
                default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return s.toString();
    }

    private void replaceNumber(StringBuilder s, int from, List<String> values) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                int end = i;
                while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.'
                        || s.charAt(end) == 'E' || s.charAt(end) == '-')) {
                    end++;
                }
                s.replace(i, end, values.get(random.nextInt(values.size())));
                return;
            }
        }
    }

    private byte[] mutateBytes(byte[] original) {
        byte[] b = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                return java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 1 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                return b;
            }
            default -> {
                return mutateHeader(b);
            }
        }
    }

    /** Edits inside the JSON header, where a flipped byte changes shapes, offsets and dtypes. */
    private byte[] mutateHeader(byte[] original) {
        long headerLength = java.nio.ByteBuffer.wrap(original, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong();
        byte[] b = original.clone();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            int at = 8 + random.nextInt((int) Math.min(headerLength, b.length - 8));
            b[at] = (byte) "0123456789[]{}\",:-FUI".charAt(random.nextInt(21));
        }
        if (random.nextInt(10) == 0) {
            java.nio.ByteBuffer.wrap(b, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(random.nextLong());
        }
        return b;
    }
}
