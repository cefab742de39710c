package org.supertickets.train;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a run trained, as an experiment tracker records it: host, CPU model, cores, the engine's thread count and
 * the git commit the workbench was built from (when it runs from a checkout). Read once per run; every field is
 * best effort and null when the machine does not tell.
 *
 * @param host      host name
 * @param cpuModel  the CPU's model name ({@code /proc/cpuinfo}), e.g. {@code Intel(R) Xeon(R) Processor}
 * @param cores     processors the JVM sees
 * @param threads   the engine's threads ({@code OMP_NUM_THREADS} when set, else the cores)
 * @param gitCommit the checkout's HEAD commit (40 hex digits), or null outside a checkout
 */
public record Machine(String host, String cpuModel, int cores, int threads, String gitCommit) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    /** This machine and the checkout the process runs in. */
    public static Machine current() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Machine(hostName(), cpuModelName(), cores, threads(System.getenv("OMP_NUM_THREADS"), cores),
                gitCommit(Path.of(System.getProperty("user.dir"))).orElse(null));
    }

    static int threads(String ompNumThreads, int cores) {
        try {
            int n = ompNumThreads == null ? 0 : Integer.parseInt(ompNumThreads.trim());
            return n > 0 ? n : cores;
        } catch (NumberFormatException e) {
            return cores;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv("HOSTNAME");
        }
    }

    private static String cpuModelName() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1)
                    .trim()).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    /**
     * The HEAD commit of the git checkout holding {@code dir}, read from {@code .git} without running git: HEAD is
     * a commit, or a ref found as a loose file or in {@code packed-refs}.
     */
    static Optional<String> gitCommit(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (!Files.isDirectory(git)) {
                continue;
            }
            try {
                String head = Files.readString(git.resolve("HEAD")).trim();
                if (!head.startsWith("ref: ")) {
                    return COMMIT.matcher(head).matches() ? Optional.of(head) : Optional.empty();
                }
                String ref = head.substring(5).trim();
                Path loose = git.resolve(ref);
                if (Files.isRegularFile(loose)) {
                    String commit = Files.readString(loose).trim();
                    return COMMIT.matcher(commit).matches() ? Optional.of(commit) : Optional.empty();
                }
                Path packed = git.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + ref) && COMMIT.matcher(line.substring(0, 40)).matches()) {
                            return Optional.of(line.substring(0, 40));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
        return Optional.empty();
    }
}
