package org.supertickets.pipeline;

import java.nio.file.Path;

/**
 * One line of a pipeline folder's {@value StageAnnouncements#FILE}: a stage has started (or resumed) training in
 * the run folder it names. Whoever follows the pipeline (the GUI, a script) switches to that folder on reading it,
 * so nobody has to guess stage changes from the events.
 *
 * @param index     1-based position of the stage
 * @param count     number of stages
 * @param kind      {@code search}, {@code train} or {@code level-N}
 * @param runFolder the stage's run folder, relative to the pipeline folder (absolute when it lies elsewhere)
 * @param resumed   true when the stage continues from its checkpoint in a folder it had already written
 */
public record StageAnnouncement(int index, int count, String kind, String runFolder, boolean resumed) {

    /** The stage in words, as the Runs list shows it: {@code stage 3/4 · level-1}. */
    public String label() {
        return "stage " + index + "/" + count + " · " + kind;
    }

    /** The stage's run folder. */
    public Path folderIn(Path pipelineFolder) {
        return pipelineFolder.resolve(runFolder);
    }
}
