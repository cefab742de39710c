package org.supertickets.space;

import java.util.List;
import java.util.Objects;

/**
 * What a search space amounts to, computed from the config alone (no training): the designer's live preview
 * and the CLI's {@code validate}.
 *
 * @param supernetMacs     dense MACs of the supernet (largest subnet)
 * @param supernetParams   its parameters
 * @param smallestMacs     MACs of the smallest subnet (every block body searched away)
 * @param smallestParams   its parameters
 * @param blocks           searchable blocks
 * @param branches         kernel branches in all blocks
 * @param prunableWeights  weights covered by pruning in the supernet
 */
public record NetworkSummary(
        long supernetMacs,
        long supernetParams,
        long smallestMacs,
        long smallestParams,
        int blocks,
        int branches,
        long prunableWeights) {

    /**
     * The summary of a resolved, valid config.
     *
     * @throws IllegalArgumentException when the config has validation issues (a programming error: callers
     *                                  validate first and show the issues instead)
     */
    public static NetworkSummary of(SearchSpaceConfig resolved) {
        List<ValidationIssue> issues = ConfigValidator.validate(Objects.requireNonNull(resolved, "resolved"));
        if (!issues.isEmpty()) {
            throw new IllegalArgumentException("cannot summarise an invalid config: " + issues);
        }
        Architecture supernet = Architecture.supernet(resolved);
        Architecture smallest = supernet.smallestSubnet();
        long prunable = supernet.layers().stream().filter(LayerShape::prunable).mapToLong(LayerShape::weightCount)
                .sum();
        int branches = supernet.blocks().stream().mapToInt(b -> b.branches().size()).sum();
        return new NetworkSummary(supernet.macs(), supernet.params(), smallest.macs(), smallest.params(),
                supernet.blocks().size(), branches, prunable);
    }
}
