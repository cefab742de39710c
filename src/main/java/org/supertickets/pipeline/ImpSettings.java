package org.supertickets.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.supertickets.prune.PruneScope;

/**
 * Iterative magnitude pruning with rewinding, open_lth semantics: level 0 trains the network dense; every later
 * level prunes {@code fractionPerLevel} of the weights still alive (the last level stops exactly at
 * {@code targetSparsity}), rewinds the surviving weights to their values at {@code rewindEpochs} and trains again
 * from there for the rest of the {@code levelEpochs}.
 *
 * @param targetSparsity   weight sparsity of the final level, in (0, 1)
 * @param fractionPerLevel share of the alive weights pruned per level, in (0, 1) (open_lth default 0.2)
 * @param rewindEpochs     the rewind point in epochs (0 = the initial weights, the original lottery ticket)
 * @param scope            one global threshold or one per layer
 * @param levelEpochs      epochs of every level's training
 */
public record ImpSettings(double targetSparsity, double fractionPerLevel, double rewindEpochs, PruneScope scope,
        int levelEpochs) {

    /** More levels than this is a typo, not an experiment. */
    public static final int MAX_LEVELS = 50;

    /** What is wrong with these settings, each naming its option and the fix; empty when they are usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(targetSparsity > 0 && targetSparsity < 1)) {
            problems.add("target sparsity " + targetSparsity + " is not in (0, 1). Fix: e.g. 0.9");
        }
        if (!(fractionPerLevel > 0 && fractionPerLevel < 1)) {
            problems.add("pruning fraction per level " + fractionPerLevel + " is not in (0, 1). Fix: e.g. 0.2 "
                    + "(open_lth) or 0.5 for fewer levels");
        }
        if (levelEpochs < 1) {
            problems.add("epochs per level " + levelEpochs + " must be at least 1");
        }
        if (!(rewindEpochs >= 0 && rewindEpochs < levelEpochs)) {
            problems.add("rewind point " + rewindEpochs + " epochs must be in [0, epochs per level = "
                    + levelEpochs + "). Fix: 0 for the initial weights, or a small share of an epoch");
        }
        if (problems.isEmpty() && levelSparsities().size() > MAX_LEVELS) {
            problems.add("reaching " + targetSparsity + " at " + fractionPerLevel + " per level takes "
                    + levelSparsities().size() + " levels (more than " + MAX_LEVELS + "). Fix: raise the fraction");
        }
        return problems;
    }

    /**
     * Epochs the whole pipeline trains: the search, the dense level 0, and every pruning level from the rewind
     * point on.
     */
    public double trainingEpochs(int searchEpochs) {
        return searchEpochs + levelEpochs + levelSparsities().size() * (levelEpochs - rewindEpochs);
    }

    /** The sparsity after each pruning level, 1..L: {@code 1 - (1 - f)^l}, the last one capped at the target. */
    public List<Double> levelSparsities() {
        List<Double> levels = new ArrayList<>();
        double remaining = 1;
        while (levels.size() <= MAX_LEVELS) {
            remaining *= 1 - fractionPerLevel;
            double sparsity = 1 - remaining;
            if (sparsity >= targetSparsity - 1e-9) {
                levels.add(targetSparsity);
                return levels;
            }
            levels.add(sparsity);
        }
        return levels;
    }
}
