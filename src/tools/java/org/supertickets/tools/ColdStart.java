package org.supertickets.tools;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.supertickets.ui.FirstFrameProbe;
import org.supertickets.ui.Launcher;

/**
 * Time from starting a JVM to the workbench's first drawn frame: {@link #measure} starts the app in fresh
 * JVMs (same Java, same class path, a scratch preferences folder) that report and exit on their first frame
 * ({@link FirstFrameProbe}, the part of this measurement the app carries). The first start pays for cold file
 * caches; the later ones are what a user restarting the workbench waits.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /** Starts the app from this JVM's class path {@code starts} times, one after the other; one line per start. */
    public static List<String> measure(int starts) throws IOException, InterruptedException {
        return measure(starts, List.of("-cp", appClassPath(), Launcher.class.getName()));
    }

    /**
     * The class path this tool's classes came from. Under {@code mvn exec:java} that is the plugin's class loader,
     * not {@code java.class.path} (Maven's own launcher, on which a started app finds no class).
     */
    static String appClassPath() {
        if (ColdStart.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> paths = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    paths.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: not on a class path
                }
            }
            if (!paths.isEmpty()) {
                return String.join(File.pathSeparator, paths);
            }
        }
        return System.getProperty("java.class.path");
    }

    /**
     * Starts the packaged app ({@code java -jar JAR}) {@code starts} times; one line per start. The time counts
     * from the first JVM, the one that starts the window's own with the class-data-sharing archive (the first
     * start writes the archive if this build has none yet).
     */
    public static List<String> measurePackaged(int starts, Path jar) throws IOException, InterruptedException {
        return measure(starts, List.of("-jar", jar.toString())).stream().map(line -> "packaged app: " + line).toList();
    }

    /** Starts the app {@code starts} times with {@code java PROBE-OPTIONS launch...}; one line per start. */
    private static List<String> measure(int starts, List<String> launch) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        Path prefs = Files.createTempDirectory("st-coldstart-prefs");
        String java = ProcessHandle.current().info().command().orElse("java");
        for (int i = 1; i <= starts; i++) {
            long t0 = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(java, "-D" + FirstFrameProbe.PROPERTY + "=true",
                    "-Djava.util.prefs.userRoot=" + prefs));
            command.addAll(launch);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String reported = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(FirstFrameProbe.MARK)) {
                        reported = line.substring(FirstFrameProbe.MARK.length());
                    }
                }
            }
            p.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9;
            lines.add(String.format(Locale.ROOT, "cold start %d%s: first frame %s ms after the (first) JVM started; "
                    + "process ran %.2f s in all", i, i == 1 ? " (first)" : "",
                    reported == null ? "never (exit " + p.exitValue() + ")" : reported, wall));
        }
        return lines;
    }

    /**
     * {@code ColdStart [starts [JAR]]}: the measurement alone, without UiBenchmark's training run; with a JAR,
     * of the packaged app started as a user does ({@code java -jar JAR}).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        List<String> lines = args.length > 1 ? measurePackaged(starts, Path.of(args[1])) : measure(starts);
        lines.forEach(System.out::println);
    }
}
