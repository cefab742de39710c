package org.supertickets.ui.teaching;

import java.io.File;
import java.util.function.Consumer;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.supertickets.ui.graph.GraphViewModel;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * View ▸ Export graph evolution as PNG sequence…: one numbered PNG per snapshot of the shown run, for slides, into
 * a folder the user picks. The frames are painted on the FX thread and written in the background.
 */
public final class GraphSequenceExportAction {

    private GraphSequenceExportAction() {
    }

    /** @param status shows a line in the window's status bar */
    public static void run(Window owner, TimelineViewModel timeline, GraphViewModel graph, boolean dark,
            TaskRunner runner, Notifier notifier, Consumer<String> status) {
        var snapshots = timeline.snapshots();
        var supernet = graph.graphProperty().get();
        if (snapshots.isEmpty() || supernet == null) {
            notifier.error("Nothing to export", "The graph has no snapshots yet.\nFix: select a run in the Monitor "
                    + "(or start one: File ▸ New demo), then export.");
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the graph's evolution (one PNG per snapshot)");
        File dir = chooser.showDialog(owner);
        if (dir == null) {
            return;
        }
        var pngs = GraphSequenceExport.draw(supernet.supernet(), snapshots, dark);
        BackgroundTask.of("Export graph sequence", ctx -> GraphSequenceExport.write(dir.toPath(), pngs))
                .onSuccess(files -> status.accept("Exported " + files.size() + " graph frames to " + dir))
                .onFailure(e -> notifier.error("Cannot export to " + dir,
                        UserMessages.describe(e) + "\nFix: pick a folder you can write to."))
                .run(runner);
    }
}
