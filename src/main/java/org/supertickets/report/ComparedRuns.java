package org.supertickets.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.supertickets.model.CorruptFileException;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.pipeline.PipelineManifest;
import org.supertickets.pipeline.PipelineStage;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunSummary;

/**
 * Reads what a folder stands for when compared: a single run's summary, or a pipeline's — its last stage's ticket
 * with the training compute and wall time of all stages summed — and the run folder its curves come from.
 */
public final class ComparedRuns {

    private ComparedRuns() {
    }

    /** What the seeds of one pipeline setting share; from text, so it is the same in every process. */
    static String settingOf(PipelineManifest m) {
        return "imp-" + Integer.toHexString((m.name() + "|" + m.dataset() + "|" + m.settings()).hashCode());
    }

    /** The run folder whose training curves stand for {@code folder}: itself, or a pipeline's last stage. */
    public static Path curvesFolder(Path folder) throws IOException {
        if (!PipelineIo.isPipeline(folder)) {
            return folder;
        }
        List<PipelineStage> stages = manifestOf(folder).stages();
        return stages.isEmpty() ? folder : folder.resolve(stages.get(stages.size() - 1).runFolder());
    }

    /**
     * @throws IOException when the folder is neither a completed run nor a completed pipeline (the message names
     *                     it and the fix)
     */
    public static RunSummary read(Path folder) throws IOException {
        if (!PipelineIo.isPipeline(folder)) {
            return RunSummary.read(RunFolder.open(folder));
        }
        PipelineManifest manifest = manifestOf(folder);
        if (!manifest.complete() || manifest.stages().isEmpty()) {
            throw new IOException(folder + " is a pipeline that has not completed (" + manifest.stages().size()
                    + " stages done), so it has no ticket to compare. Fix: run it again, or leave it out.");
        }
        PipelineStage last = manifest.stages().get(manifest.stages().size() - 1);
        RunSummary ticket = RunSummary.read(RunFolder.open(folder.resolve(last.runFolder())));
        return new RunSummary(folder.getFileName().toString(), manifest.method(), ticket.dataset(), manifest.seed(),
                ticket.testAccuracy(), ticket.sparsity(), ticket.weightsRemaining(), ticket.macs(),
                ticket.sparseMacs(), ticket.params(), ticket.supernetMacs(), manifest.totalTrainingMacs(),
                manifest.totalWallSeconds(), settingOf(manifest), Map.of(), ticket.testSegmentation(),
                ticket.validationAccuracy());
    }

    private static PipelineManifest manifestOf(Path folder) throws IOException {
        try {
            return PipelineIo.read(folder);
        } catch (CorruptFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
