package org.supertickets.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.supertickets.ui.FirstFrameProbe;

/**
 * Starts the packaged window from a class-data-sharing archive of the jar: the window's start is mostly
 * class loading and verification of ~8,000 classes, which an archive maps instead (measured 4.1 → 2.7 s,
 * docs/performance.md). JDK 17 can only write such an archive when a JVM exits
 * ({@code -XX:ArchiveClassesAtExit}) and only map it when told at start ({@code -XX:SharedArchiveFile}), so the
 * jar's main starts the window in a child JVM with the one or the other: the first start writes the archive,
 * the later ones map it. The archive is keyed by the jar (path, size, time) and the Java runtime, so a rebuilt
 * jar or another JDK gets a fresh one; a stale or unreadable archive is ignored by the JVM ({@code -Xshare:auto}).
 *
 * <p>Off when {@code -Dsupertickets.cds=false}, when the app does not run from a jar with the {@code java}
 * launcher (e.g. {@code mvn javafx:run}, a jpackage image), when the JVM was given archive options of its own,
 * or when the cache folder cannot be written.
 */
public final class ClassDataSharing {
    /** {@code -Dsupertickets.cds=false} turns the child JVM off. */
    public static final String SWITCH_PROPERTY = "supertickets.cds";
    /** Set on the child JVM, so that it does not start another. */
    static final String CHILD_PROPERTY = "supertickets.cds.child";
    /** The parent's start (epoch ms), so the child can time a start from the moment the user launched it. */
    static final String LAUNCHED_AT_PROPERTY = FirstFrameProbe.LAUNCHED_AT_PROPERTY;

    private static final String ARCHIVE_SUFFIX = ".jsa";
    private static final int CHILD_SHUTDOWN_SECONDS = 30;

    private ClassDataSharing() {
    }

    /**
     * What the child JVM does with the archive.
     *
     * @param archive the archive of this jar and runtime
     * @param write true when it does not exist yet: the child writes it (to {@link #partial()}) when it exits
     */
    public record Plan(Path archive, boolean write) {

        /** Where a child writing the archive puts it, moved to {@link #archive()} once it exited cleanly. */
        public Path partial() {
            return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        }

        /** The JVM options that write or map the archive, with CDS's own chatter (skipped classes) silenced. */
        public List<String> jvmOptions() {
            return List.of(write ? "-XX:ArchiveClassesAtExit=" + partial() : "-XX:SharedArchiveFile=" + archive,
                    "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
    }

    /**
     * The plan for a jar in a cache folder, or empty when the folder cannot be made.
     *
     * @param runtime what identifies the Java runtime (its home and version)
     */
    public static Optional<Plan> plan(Path jar, Path cacheFolder, String runtime) {
        try {
            Files.createDirectories(cacheFolder);
            if (!Files.isWritable(cacheFolder)) {
                return Optional.empty();
            }
            String key = jar.getFileName() + "-" + fingerprint(jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
                    + Files.getLastModifiedTime(jar).toMillis() + "|" + runtime);
            Path archive = cacheFolder.resolve(key + ARCHIVE_SUFFIX);
            return Optional.of(new Plan(archive, !Files.isRegularFile(archive)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * After the child exited: keeps a freshly written archive (only from a clean exit: a killed JVM leaves no
     * complete file) and removes this jar's archives of earlier builds. Best effort: a failure leaves the next
     * start without an archive, nothing worse.
     */
    public static void settle(Plan plan, int childExitCode) {
        if (!plan.write()) {
            return;
        }
        try {
            if (childExitCode == 0 && Files.isRegularFile(plan.partial()) && Files.size(plan.partial()) > 0) {
                removeOtherArchives(plan.archive());
                moveIntoPlace(plan.partial(), plan.archive());
            }
            Files.deleteIfExists(plan.partial());
        } catch (IOException | SecurityException e) {
            // the next start writes it again
        }
    }

    /**
     * Runs the window in a child JVM with the archive when that applies; returns the child's exit code, or
     * empty when the window should start in this JVM.
     */
    public static Optional<Integer> runWindowInChild(String mainClass, List<String> args) {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH_PROPERTY))
                || System.getProperty(CHILD_PROPERTY) != null) {
            return Optional.empty();
        }
        Optional<Path> jar = runningJar();
        Optional<String> java = ProcessHandle.current().info().command().filter(ClassDataSharing::isJavaLauncher);
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (jar.isEmpty() || java.isEmpty()
                || jvmArgs.stream().anyMatch(ClassDataSharing::isArchiveOption)) {
            return Optional.empty();
        }
        Optional<Plan> plan = plan(jar.get(), cacheFolder(), System.getProperty("java.home") + "|"
                + System.getProperty("java.vm.version"));
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvmArgs);
        command.addAll(plan.get().jvmOptions());
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-D" + LAUNCHED_AT_PROPERTY + "=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        command.addAll(List.of("-cp", jar.get().toString(), mainClass));
        command.addAll(args);
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            // Ctrl-C reaches both JVMs; a kill of this one alone is passed on. Either way the child gets to finish
            // its own shutdown (a run's checkpoint) before this one exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndAwait(child)));
            int exit = child.waitFor();
            settle(plan.get(), exit);
            return Optional.of(exit);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /** {@code $XDG_CACHE_HOME/supertickets-workbench/cds}, or {@code ~/.cache/…} without it. */
    static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("supertickets-workbench").resolve("cds");
    }

    static boolean isJavaLauncher(String command) {
        String name = Path.of(command).getFileName().toString().replaceFirst("\\.exe$", "");
        return name.equals("java") || name.equals("javaw");
    }

    static boolean isArchiveOption(String jvmArg) {
        return jvmArg.startsWith("-XX:SharedArchiveFile") || jvmArg.startsWith("-XX:ArchiveClassesAtExit")
                || jvmArg.startsWith("-Xshare");
    }

    /** The jar this class runs from, when it runs from exactly one jar on the class path. */
    private static Optional<Path> runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    private static void removeOtherArchives(Path archive) throws IOException {
        String jarName = archive.getFileName().toString().replaceFirst("-[0-9a-f]+\\" + ARCHIVE_SUFFIX + "$", "");
        try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(),
                jarName + "-*" + ARCHIVE_SUFFIX)) {
            for (Path p : old) {
                if (!p.equals(archive)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void stopAndAwait(Process child) {
        child.destroy();
        try {
            child.waitFor(CHILD_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
