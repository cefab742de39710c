package org.supertickets.ui.designer;

import java.util.List;
import java.util.Objects;
import org.supertickets.space.Architecture;
import org.supertickets.space.NetworkSummary;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.ValidationIssue;

/**
 * Everything the designer's live preview shows, computed from one config and published as one value, so the
 * numbers, the diagram and the problem list can never describe different edits.
 *
 * @param config   the config on screen
 * @param issues   its problems; empty when it can run
 * @param summary  MACs/params of its supernet and smallest subnet; null while it has problems
 * @param supernet its supernet's shape for the diagram; null while it has problems
 */
public record DesignerPreview(
        SearchSpaceConfig config,
        List<ValidationIssue> issues,
        NetworkSummary summary,
        Architecture supernet) {

    public DesignerPreview {
        Objects.requireNonNull(config, "config");
        issues = List.copyOf(issues);
    }
}
