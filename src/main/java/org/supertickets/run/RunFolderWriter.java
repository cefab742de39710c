package org.supertickets.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.supertickets.model.NetworkState;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketInput;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;
import org.supertickets.train.CheckpointStore;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PredictedMasks;
import org.supertickets.train.PredictionCanvases;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RecordingRefusedException;
import org.supertickets.train.RunFinished;
import org.supertickets.train.SegmentationMetrics;
import org.supertickets.train.RunStarted;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.TrainerCheckpoint;
import org.supertickets.train.TrainingEvent;
import org.supertickets.train.TrainingListener;

/**
 * Records a run into its folder: every event as a JSON line, a readable log, checkpoints (atomic) and the
 * ticket at the end. A write failure (disk full, folder deleted) is raised as {@link UncheckedIOException}
 * from the listener so the trainer stops instead of training on with nothing recorded.
 */
public final class RunFolderWriter implements TrainingListener, CheckpointStore {

    private final RunFolder folder;
    private final SearchSpaceConfig config;
    private final String configHash;
    private final TicketInput input;
    private final RunOwnership owner;
    private RunStarted started;

    /** A writer for a folder nobody else can write (a test's), with no record of how images are prepared. */
    public RunFolderWriter(RunFolder folder, SearchSpaceConfig resolvedConfig, String configHash) {
        this(folder, resolvedConfig, configHash, null, null);
    }

    /**
     * A writer that writes only while {@code owner} holds the folder (null: ownership is checked elsewhere): once
     * another process has taken it over, every write is refused ({@link RecordingRefusedException}) and the
     * trainer stops.
     *
     * @param input how the run prepares its images (written into the ticket), or null when unknown
     */
    public RunFolderWriter(RunFolder folder, SearchSpaceConfig resolvedConfig, String configHash, TicketInput input,
            RunOwnership owner) {
        this.folder = folder;
        this.config = resolvedConfig;
        this.configHash = configHash;
        this.input = input;
        this.owner = owner;
    }

    private void checkOwned(boolean readLeaseNow) throws RecordingRefusedException {
        if (owner != null) {
            owner.checkHeld(readLeaseNow);
        }
    }

    public RunFolder folder() {
        return folder;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        try {
            checkOwned(false);
            if (event instanceof ConnectivitySnapshot) {
                JsonLines.append(folder.snapshots(), EventJson.toJson(event));
            } else if (event instanceof PredictedMasks) {
                JsonLines.append(folder.predictions(), EventJson.toJson(event));
            } else if (event instanceof PredictionCanvases) {
                // Offered again by a resumed run: the first record stays, so readers meet the canvases once.
                if (!Files.isRegularFile(folder.predictions()) || Files.size(folder.predictions()) == 0) {
                    JsonLines.append(folder.predictions(), EventJson.toJson(event));
                }
            } else {
                JsonLines.append(folder.metrics(), EventJson.toJson(event, Instant.now()));
            }
            if (event instanceof RunStarted s) {
                started = s;
            }
            String line = logLine(event);
            if (line != null) {
                JsonLines.append(folder.log(), OffsetDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .substring(0, 19) + "  " + line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to run folder " + folder.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onTicket(NetworkState ticket, RunFinished summary) {
        TicketProvenance provenance = new TicketProvenance(config, configHash, config.seed(), folder.name(),
                summary.step(), summary.epoch(), OffsetDateTime.now().toString(),
                started == null ? "" : started.engine(), started == null ? "" : started.device(),
                WorkbenchVersion.get(), "right after the last pruning event (end of the run), " + (config.search()
                        .bnRecalibrationBatches() > 0 ? "BN re-estimated" : "BN statistics as kept during training "
                        + "(search.bnRecalibrationBatches is 0)"), started == null ? null : started.machine());
        long supernetMacs = started == null ? 0 : started.supernetMacs();
        long supernetParams = started == null ? 0 : started.supernetParams();
        try {
            checkOwned(true);
            SegmentationMetrics iou = summary.testSegmentation();
            TicketIo.TestScores scores = new TicketIo.TestScores(summary.testAccuracy(), summary.validationAccuracy(),
                    iou == null ? null : iou.meanIou(), iou == null ? null : iou.meanIouWithoutBackground());
            TicketIo.write(folder.ticket(), new Ticket(TicketIo.manifest(ticket, scores, supernetMacs, supernetParams,
                    provenance, input), ticket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ticket into " + folder.ticket() + ": " + e.getMessage(),
                    e);
        }
        try {
            // A run killed while writing its ticket before it was resumed left the temp files of that write.
            folder.removeLeftoverTempFiles();
        } catch (IOException e) {
            // Harmless leftovers; the next resume or completion tries again.
        }
    }

    @Override
    public void save(TrainerCheckpoint checkpoint) throws IOException {
        checkOwned(true);
        CheckpointIo.write(folder.latestCheckpoint(), checkpoint);
    }

    private static String logLine(TrainingEvent event) {
        if (event instanceof RunStarted s) {
            return String.format(Locale.ROOT, "%s at step %d of %d on %s, %s; supernet %.2f MMACs, %d params",
                    s.resumed() ? "resumed" : "started", s.step(), s.totalSteps(), s.device(), s.engine(),
                    s.supernetMacs() / 1e6, s.supernetParams());
        } else if (event instanceof EvalMetrics e) {
            // No validation images (data.validationFraction 0, or too few images to hold one out): say so, not NaN.
            String validation = Double.isNaN(e.validationAccuracy()) ? "val acc not measured (no validation images)"
                    : String.format(Locale.ROOT, "val acc %.4f loss %.4f%s", e.validationAccuracy(),
                            e.validationLoss(), SegmentationMetrics.suffix(e.segmentation()));
            return String.format(Locale.ROOT, "epoch %.2f  %s  sparsity %.3f (planned %.3f)  MACs %.2fM  params %d",
                    e.epoch(), validation, e.sparsity(), e.plannedSparsity(), e.macs() / 1e6, e.params());
        } else if (event instanceof ShrinkEvent s) {
            return String.format(Locale.ROOT, "epoch %.2f  shrink: %d dead channels%s removed, MACs %.2fM -> %.2fM%s",
                    s.epoch(), s.deadChannels(), s.targetChannels() > 0 ? " + " + s.targetChannels()
                            + " for the MACs target (ours)" : "", s.macsBefore() / 1e6, s.macsAfter() / 1e6,
                    s.masksReset() ? ", rebuilt blocks' masks reset" + (s.resetByShrink() == null ? ""
                            : " (" + s.resetByShrink() + " masked weights reset by the shrink)") : "");
        } else if (event instanceof PruneEvent p) {
            return String.format(Locale.ROOT, "epoch %.2f  prune #%d: target %.2f reached %.4f, threshold %.4g, "
                    + "since the previous prune: %s", p.epoch(), p.index(), p.targetRatio(), p.sparsity(),
                    p.threshold(), p.countsText());
        } else if (event instanceof RunFinished f) {
            return String.format(Locale.ROOT, "%s: %s  test acc %s  sparsity %.4f  MACs %.2fM  wall %.1fs",
                    f.outcome(), f.message(), RunFinished.accuracyText(f.testAccuracy()), f.sparsity(),
                    f.macs() / 1e6, f.wallSeconds());
        }
        return null;
    }
}
