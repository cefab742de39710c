package org.supertickets.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.supertickets.io.OutputFolder;

/**
 * A run directory, the contract between trainer, CLI, GUI and other machines:
 * <pre>
 *   config.json        the resolved config (every default written out) with its hash
 *   metrics.jsonl      one JSON object per event, append-only
 *   snapshots.jsonl    connectivity snapshots (architecture, per-layer masks and int8 weights)
 *   predictions.jsonl  segmentation only: a few test canvases, and their predicted classes at every evaluation
 *   checkpoints/       latest.safetensors, written atomically
 *   ticket/            ticket.json + weights.safetensors, when the run completes
 *   run.log            human-readable log
 *   owner.lock         OS-locked by the process running it ({@link RunOwnership})
 *   owner.json         that process's lease: host, pid, since, heartbeat (gone once the run ends)
 * </pre>
 */
public record RunFolder(Path path) {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String SNAPSHOTS = "snapshots.jsonl";
    public static final String PREDICTIONS = "predictions.jsonl";
    public static final String LOG = "run.log";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LATEST_CHECKPOINT = "latest.safetensors";
    public static final String TICKET = "ticket";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * Creates a new, empty run folder {@code <runsDir>/<name>-<yyyyMMdd-HHmmss>}; if that exists (two runs
     * started in the same second), {@code -2}, {@code -3}, … is appended. Creation is atomic, so two processes
     * never get the same folder.
     */
    public static RunFolder create(Path runsDir, String name, LocalDateTime now) throws IOException {
        Path folder = createUnique(runsDir, name, now);
        Files.createDirectory(folder.resolve(CHECKPOINTS));
        return new RunFolder(folder);
    }

    /**
     * Creates a new, empty folder {@code <parent>/<name>-<yyyyMMdd-HHmmss>}, with {@code -2}, {@code -3}, …
     * appended when that exists; atomic, so two processes never get the same folder.
     */
    public static Path createUnique(Path parent, String name, LocalDateTime now) throws IOException {
        OutputFolder.check(parent); // says why (a file, a link loop, a dangling link): createDirectories does not
        Files.createDirectories(parent);
        String base = sanitize(name) + "-" + STAMP.format(now);
        for (int attempt = 1; attempt < 1000; attempt++) {
            Path candidate = parent.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                Files.createDirectory(candidate);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // taken by another run: try the next suffix
            }
        }
        throw new IOException("could not create a folder under " + parent + " (999 folders named " + base
                + "-N exist)");
    }

    /** Opens an existing run folder; it must at least hold config.json. */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder. Fix: pick a run folder (it holds " + CONFIG + " and "
                    + METRICS + ").");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new IOException(dir + " holds no " + CONFIG + ", so it is not a run folder. Fix: pick a folder "
                    + "created by 'run' or the Runs view (runs/<name>-<date>).");
        }
        return new RunFolder(dir);
    }

    public Path config() {
        return path.resolve(CONFIG);
    }

    public Path metrics() {
        return path.resolve(METRICS);
    }

    public Path snapshots() {
        return path.resolve(SNAPSHOTS);
    }

    /** The predicted masks of a segmentation run ({@code PredictionCanvases} first, then {@code PredictedMasks}). */
    public Path predictions() {
        return path.resolve(PREDICTIONS);
    }

    public Path log() {
        return path.resolve(LOG);
    }

    public Path latestCheckpoint() {
        return path.resolve(CHECKPOINTS).resolve(LATEST_CHECKPOINT);
    }

    public Path ticket() {
        return path.resolve(TICKET);
    }

    /**
     * Refuses a {@code checkpoints/} or {@code ticket/} that is a symbolic link. The run's owner locks its folder,
     * not what a link points to, so through a link two runs could write one checkpoint, or one run resume from
     * another's (same config, same hash: nothing would tell); and a run folder copied elsewhere would lose them.
     * Following a link is therefore never worth it: checkpoints and tickets are small next to the logs.
     *
     * @throws IOException naming the link, its target and the fix
     */
    public void checkNoLinkedSubfolders() throws IOException {
        for (String sub : new String[] {CHECKPOINTS, TICKET}) {
            Path link = path.resolve(sub);
            if (Files.isSymbolicLink(link)) {
                Path target = Files.readSymbolicLink(link);
                throw new IOException(link + " is a symbolic link to " + target + ". A run keeps its " + sub + " in "
                        + "its own folder, which only its owner writes; through a link, two runs could share one "
                        + "checkpoint. Fix: replace the link by a folder holding the files (rm " + link + "; mkdir "
                        + link + "; cp -p " + link.resolveSibling(target) + "/* " + link + "/), or move the whole run "
                        + "folder to that disk.");
            }
        }
    }

    /**
     * Deletes the temp files a write killed half-way left in this folder, its checkpoints and its ticket (see
     * {@link org.supertickets.io.AtomicFiles#removeLeftovers}); only for the folder's owner.
     *
     * @return the number deleted
     */
    public int removeLeftoverTempFiles() throws IOException {
        int removed = 0;
        for (Path target : new Path[] {config(), metrics(), snapshots(), predictions(), latestCheckpoint(),
                ticket().resolve(org.supertickets.ticket.TicketIo.WEIGHTS),
                ticket().resolve(org.supertickets.ticket.TicketIo.MANIFEST)}) {
            removed += org.supertickets.io.AtomicFiles.removeLeftovers(target);
        }
        return removed;
    }

    public String name() {
        return path.getFileName().toString();
    }

    /** Longest name part of a folder: a file name has at most 255 bytes, and the date and suffix need room. */
    static final int MAX_NAME_PART = 120;

    static String sanitize(String name) {
        String cleaned = name == null ? "run" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        // Validation keeps names short; a name from elsewhere (a ticket, a found run) is cut, not fatal.
        cleaned = cleaned.length() > MAX_NAME_PART ? cleaned.substring(0, MAX_NAME_PART) : cleaned;
        return cleaned.isBlank() ? "run" : cleaned;
    }
}
