package org.supertickets.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.run.RunFolderFixtures;

/**
 * Issue 28 item 7b: an {@code --out} that cannot be a folder (a regular file, a symbolic link loop, a link to
 * something missing, a path under a file) is refused by every command that writes there, saying which, with exit code
 * 2 and nothing written.
 */
class OutFolderTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandSaysWhyItsOutCannotBeAFolderAndWritesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path loop = Files.createSymbolicLink(dir.resolve("loop-a"), dir.resolve("loop-b"));
        Files.createSymbolicLink(dir.resolve("loop-b"), loop);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
        Map<Path, String> reasons = Map.of(
                file, file + " is a file, not a folder",
                loop, loop + " is a symbolic link loop",
                dangling, dangling + " is a link to a missing " + dir.resolve("gone"),
                file.resolve("runs"), file + " (in " + file.resolve("runs") + ") is a file, not a folder");
        String config = Path.of("sample-configs/quickstart.json").toAbsolutePath().toString();
        String ticket = dir.resolve("no-ticket").toString();
        List<List<String>> commands = List.of(
                List.of("run", config, "--quiet"),
                List.of("sweep", config, "--grid", "seed=1,2"),
                List.of("imp", config, "--quiet"),
                List.of("retrain", ticket, "--quiet"),
                List.of("finetune", ticket, "--quiet"),
                List.of("transfer", ticket, "--data", "mnist", "--quiet"),
                List.of("compare", ticket));
        Map<String, String> before = RunFolderFixtures.fingerprint(dir);
        for (List<String> command : commands) {
            for (Map.Entry<Path, String> out : reasons.entrySet()) {
                String[] args = java.util.stream.Stream.concat(command.stream(),
                        java.util.stream.Stream.of("--out", out.getKey().toString())).toArray(String[]::new);
                CliRun cli = CliRun.execute(args);
                String said = String.join(" ", args) + " said: " + cli.err();
                assertEquals(2, cli.code(), said);
                assertTrue(cli.err().contains(out.getValue()) && cli.err().contains("Fix:"), said);
                assertEquals(before, RunFolderFixtures.fingerprint(dir), said);
            }
        }
    }
}
