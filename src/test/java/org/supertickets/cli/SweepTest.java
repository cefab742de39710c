package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingMethod;

class SweepTest {

    @TempDir
    Path dir;

    @Test
    void expandsEveryCombinationIntoValidNamedConfigs() throws Exception {
        SearchSpaceConfig base = ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json"));
        List<SearchSpaceConfig> points = SweepCommand.expand(base, SweepCommand.parse(List.of(
                "method=supertickets,nas-only,prune-only", "seed=1,2", "pruning.targetSparsity=0.5,0.9")));
        assertEquals(12, points.size());
        SearchSpaceConfig nas = points.stream().filter(p -> p.name().equals("quickstart-nas-only-seed=2-"
                + "targetSparsity=0.9")).findFirst().orElseThrow();
        assertTrue(nas.search().enabled());
        assertFalse(nas.pruning().enabled());
        assertEquals(2L, nas.seed());
        assertEquals(0.9, nas.pruning().targetSparsity());
    }

    @Test
    void theAblationsAreMethodsAndSeeTheGridsTargetWhateverTheAxisOrder() throws Exception {
        SearchSpaceConfig base = ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json"));
        List<SearchSpaceConfig> points = SweepCommand.expand(base, SweepCommand.parse(List.of(
                "method=one-shot,no-reactivation", "pruning.targetSparsity=0.9")));
        assertEquals(TrainingMethod.ONE_SHOT, TrainingMethod.of(points.get(0)));
        assertEquals(0.9, points.get(0).pruning().increment(), "one-shot jumps to the grid's target");
        assertEquals(TrainingMethod.NO_REACTIVATION, TrainingMethod.of(points.get(1)));
        assertThrows(IllegalArgumentException.class,
                () -> SweepCommand.expand(base, SweepCommand.parse(List.of("method=magic"))));
    }

    @Test
    void unknownKeysAndInvalidValuesAreRefused() throws Exception {
        SearchSpaceConfig base = ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json"));
        assertThrows(IllegalArgumentException.class,
                () -> SweepCommand.expand(base, SweepCommand.parse(List.of("pruning.nope=1"))));
        assertThrows(IllegalArgumentException.class, () -> SweepCommand.parse(List.of("seed")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepCommand.expand(base, SweepCommand.parse(List.of("pruning.targetSparsity=1.5"))));
        assertTrue(e.getMessage().contains("pruning.targetSparsity"), e.getMessage());
    }

    @Test
    void workersRunEachPointAsItsOwnProcessIntoOrdinaryRunFolders() throws Exception {
        Path config = dir.resolve("tiny.json");
        ConfigIo.write(config, TestConfigs.tinyFashionMnist());
        Path runs = dir.resolve("runs");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.execute("sweep", config.toString(), "--grid", "seed=1,2", "--workers", "2", "--device",
                    "cpu", "--out", runs.toString());
        } finally {
            System.setOut(oldOut);
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, report);
        assertTrue(report.contains("[2/2]") && report.contains("ticket: test accuracy"), report);

        List<Path> folders;
        try (Stream<Path> children = Files.list(runs)) {
            folders = children.filter(p -> p.getFileName().toString().startsWith("tiny-fmnist-seed_")).sorted()
                    .toList();
        }
        assertEquals(2, folders.size(), folders.toString());
        List<Long> seeds = new ArrayList<>();
        for (Path folder : folders) {
            RunFolder run = RunFolder.open(folder);
            assertTrue(Files.isDirectory(run.ticket()), "no ticket in " + folder);
            seeds.add(ConfigIo.loadResolved(run.config()).seed());
        }
        assertEquals(List.of(1L, 2L), seeds.stream().sorted().toList());
        try (Stream<Path> kept = Files.list(runs).filter(p -> p.getFileName().toString().startsWith("sweep-"))) {
            Path sweepDir = kept.findFirst().orElseThrow();
            try (Stream<Path> files = Files.list(sweepDir)) {
                assertEquals(4, files.count(), "a config and a log per point");
            }
        }
    }

    @Test
    void zeroWorkersIsRefusedWithTheFix() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("sweep", "sample-configs/quickstart.json", "--grid",
                "seed=1", "--workers", "0", "--out", dir.toString()));
    }
}
