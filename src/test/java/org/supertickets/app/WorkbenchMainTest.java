package org.supertickets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.supertickets.run.ChildJvm;
import org.supertickets.run.WorkbenchVersion;

/**
 * The packaged jar's main class. `mvn package` also starts the built jar itself ({@code java -jar
 * target/supertickets-workbench.jar cli --version}, the exec plugin's {@code packaged-jar-starts}); here the same
 * main class is started in a separate JVM on the test classpath, so `mvn test` checks the dispatch without a
 * jar having been built.
 */
class WorkbenchMainTest {

    @Test
    void theWindowIsTheDefaultAndCliSelectsTheCommandLine() {
        assertEquals(new WorkbenchMain.Route(false, List.of()), WorkbenchMain.Route.of());
        assertEquals(new WorkbenchMain.Route(true, List.of("run", "x.json", "--epochs", "2")),
                WorkbenchMain.Route.of("cli", "run", "x.json", "--epochs", "2"));
        assertEquals(new WorkbenchMain.Route(true, List.of()), WorkbenchMain.Route.of("cli"));
        assertEquals(new WorkbenchMain.Route(true, List.of("--version")), WorkbenchMain.Route.of("--version"));
        assertEquals(new WorkbenchMain.Route(true, List.of("--help")), WorkbenchMain.Route.of("--help"));
        // JavaFX's own options (and anything else) go to the window.
        assertEquals(new WorkbenchMain.Route(false, List.of("--fullscreen")), WorkbenchMain.Route.of("--fullscreen"));
        assertEquals(new WorkbenchMain.Route(false, List.of("run", "x.json")), WorkbenchMain.Route.of("run", "x.json"));
    }

    @Test
    void theCommandLineStartsInItsOwnJvmWithoutLoadingJavaFx() throws Exception {
        Result version = start("-verbose:class", "cli", "--version");
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().contains("SuperTickets Workbench " + WorkbenchVersion.get()), version.output());
        // A server without JavaFX's natives or a display must be able to run the command line.
        assertFalse(version.output().lines().anyMatch(l -> l.startsWith("[") && l.contains(" javafx.")),
                "a JavaFX class was loaded on the command line's path");

        Result badInput = start("cli", "validate", "no-such-config.json");
        assertEquals(2, badInput.exitCode(), badInput.output());
        assertTrue(badInput.output().contains("no-such-config.json"), badInput.output());
    }

    private record Result(int exitCode, String output) {
    }

    /** Starts WorkbenchMain in a new JVM; a leading "-…" argument is a JVM option. */
    private static Result start(String... args) throws IOException, InterruptedException {
        List<String> jvmOptions = new ArrayList<>();
        List<String> mainArgs = new ArrayList<>();
        for (String a : args) {
            (mainArgs.isEmpty() && a.startsWith("-verbose") ? jvmOptions : mainArgs).add(a);
        }
        List<String> command = new ArrayList<>(ChildJvm.command(WorkbenchMain.class, mainArgs));
        command.addAll(1, jvmOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not end");
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
