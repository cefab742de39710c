package org.supertickets.ui.teaching;

import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The "?" beside each view's name: two or three sentences on what the view shows, in the paper's terms
 * (the glossary is docs/teaching.md).
 */
public final class ViewHelp {

    static final Map<String, String> TEXTS = Map.of(
            "designer", "The search space: a supernet of blocks, each with one branch per depthwise kernel size, "
                    + "all trained at once. The search (ρ, the γ threshold) decides which branches and channels "
                    + "survive; pruning (target sparsity, schedule) decides which weights do. The numbers on the "
                    + "right are the supernet's MACs and parameters, and those of the smallest subnet.",
            "runs", "Runs train one at a time in the background; each writes a run folder (config, metrics, "
                    + "snapshots, checkpoint, ticket). Pause, stop and resume from a checkpoint here, or open a "
                    + "folder another process is writing and follow it live.",
            "monitor", "One run, live: accuracy, loss, sparsity against its planned staircase, and MACs as the "
                    + "search shrinks the network; orange spans are where a shrink's fresh masks train dense until "
                    + "the next prune. The graph draws each block's branches with width = channels "
                    + "kept; a ghost is a part the search removed. Click a layer for its mask: which weights "
                    + "global magnitude pruning keeps, and which came back (reactivation).",
            "ticket", "The SuperTicket: the sub-network right after the last pruning event — the architecture "
                    + "the search left, with the masks pruning drew. Its table gives every layer's weights alive "
                    + "and MACs; it can be retrained (rewinding), fine-tuned or transferred.",
            "inside", "Inside the run, at the time cursor. Left: the |γ| of every hidden channel per branch — the "
                    + "MAC-weighted L1 penalty pushes them down, and at the cut-off line they are cut — and the "
                    + "|w| of every prunable weight against the global magnitude threshold: alive, pruned, and "
                    + "reactivated. Right: one block at channel level (double-click a block in the graph), and "
                    + "what-if: switch parts off on a copy of a paused or finished run's network.",
            "predictions", "A classification run's confusion matrix counts what each held-out image was taken for at "
                    + "every evaluation (rows the true class, columns the prediction, the framed diagonal right), "
                    + "and, once the run completes, shows the test images its ticket confuses most. A segmentation "
                    + "run gives every pixel a class: the same few test canvases beside their ground truth in the "
                    + "legend's colours, with each class's IoU on the held-out split. Both follow the time cursor.",
            "compare", "Finished runs side by side: accuracy against weights remaining, MACs and training compute. "
                    + "SuperTickets search and prune in one run; the baselines search only, prune only, or run "
                    + "search → train → iterative magnitude pruning with rewinding, which costs several "
                    + "trainings.");

    private ViewHelp() {
    }

    /** The text for a view, by its tab title; null when it has none. */
    public static String text(String viewTitle) {
        return TEXTS.get(viewTitle.toLowerCase(Locale.ROOT));
    }

    /** A small "?" whose tooltip holds the view's text; null when the view has none. */
    public static Label mark(String viewTitle) {
        String text = text(viewTitle);
        if (text == null) {
            return null;
        }
        Label mark = new Label("?");
        mark.getStyleClass().add("help-mark");
        mark.setId("help-" + viewTitle.toLowerCase(Locale.ROOT));
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setPrefWidth(420);
        tip.setShowDelay(Duration.millis(150));
        tip.setShowDuration(Duration.minutes(5));
        mark.setTooltip(tip);
        return mark;
    }
}
