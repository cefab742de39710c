package org.supertickets.ui.teaching;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import org.supertickets.space.Architecture;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunsViewModel;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.task.ShownRefresh;
import org.supertickets.ui.task.TaskRunner;

/**
 * The "Inside" tab's ViewModels and their wiring: the distributions and the channel view follow the one time
 * cursor of the selected run; the what-if works on the copy of its network the trainer hands out when it waits or
 * finishes.
 */
public final class TeachingViewModel {

    private final RunsViewModel runs;
    private final TimelineViewModel timeline;
    private final DistributionsViewModel distributions = new DistributionsViewModel();
    private final ChannelViewModel channels = new ChannelViewModel();
    private final WhatIfViewModel whatIf;
    /** The designer's supernet, shown while no run is selected. */
    private Architecture plannedSupernet;
    private final ShownRefresh shown = new ShownRefresh(this::refresh);

    public TeachingViewModel(TaskRunner runner, RunsViewModel runs, TimelineViewModel timeline,
            StepModeViewModel stepMode) {
        this.runs = Objects.requireNonNull(runs);
        this.timeline = Objects.requireNonNull(timeline);
        whatIf = new WhatIfViewModel(runner);
        stepMode.setInspectionSink(whatIf::offer);
        runs.selectedProperty().addListener((o, a, entry) -> {
            whatIf.select(entry);
            refresh();
        });
        timeline.currentProperty().addListener((o, a, b) -> refresh());
        timeline.countProperty().addListener((o, a, b) -> refresh());
    }

    /**
     * Whether the Inside tab is on screen (the window binds it to the tab's selection). While it is not, the
     * distributions and the channel view are not rebuilt at every snapshot of a live run; they catch up when shown.
     */
    public BooleanProperty activeProperty() {
        return shown.shownProperty();
    }

    public DistributionsViewModel distributions() {
        return distributions;
    }

    public ChannelViewModel channels() {
        return channels;
    }

    public WhatIfViewModel whatIf() {
        return whatIf;
    }

    /** UI thread, with the workbench's pump. */
    public void pump() {
        whatIf.pump();
    }

    /** The designer's supernet, shown while no run is selected (null: none). */
    public void setPlannedSupernet(Architecture supernet) {
        plannedSupernet = supernet;
        refresh();
    }

    /** Shows the selected run at the time cursor (the designer's supernet when no run is selected). */
    private void refresh() {
        if (!shown.mayRun()) {
            return;
        }
        RunEntry entry = runs.getSelected();
        Architecture supernet = plannedSupernet;
        double threshold = 1e-3;
        List<org.supertickets.train.PruneEvent> prunes = List.of();
        if (entry != null) {
            var history = entry.session().history();
            supernet = history.started() != null ? history.started().supernet() : Architecture.supernet(entry.config());
            threshold = entry.config().search().gammaThreshold();
            prunes = history.prunes();
        }
        List<ConnectivitySnapshot> snapshots = timeline.snapshots();
        distributions.show(supernet, snapshots, timeline.getIndex(), prunes, threshold);
        channels.show(supernet, timeline.current());
    }
}
