package org.supertickets.space;

import java.util.List;

/**
 * A complete experiment: the data, the supernet (stem, stages of searchable blocks, head), and how the
 * two-in-one run searches, prunes and trains it. Fields are boxed so that a field missing from the JSON is
 * visible as {@code null}; {@link ConfigResolver} fills every default and the resolved config is what a run
 * records, so nothing is defaulted silently.
 *
 * @param name       a short label used for run folder names
 * @param data       which dataset and how it is split
 * @param stem       the first (prunable, not searchable) convolution
 * @param stages     the searchable stages, in order
 * @param head       the 1x1 convolution before pooling and the classifier
 * @param network    how the layers compute and start: skip path, BN settings, initialisation
 * @param search     architecture search (BN-scale penalty, shrinking, optional FLOPs target)
 * @param pruning    progressive global magnitude pruning and reactivation
 * @param training   optimiser, schedule, epochs, batch size
 * @param seed       the seed of every random choice of the run
 * @param task       {@code classification} (the default) or {@code segmentation}: which head sits on the body
 */
public record SearchSpaceConfig(
        String name,
        DataConfig data,
        StemConfig stem,
        List<StageConfig> stages,
        HeadConfig head,
        NetworkConfig network,
        SearchConfig search,
        PruningConfig pruning,
        TrainingConfig training,
        Long seed,
        String task) {

    /** A config of the sections every config had before {@code task} (a classification config). */
    public SearchSpaceConfig(String name, DataConfig data, StemConfig stem, List<StageConfig> stages, HeadConfig head,
            NetworkConfig network, SearchConfig search, PruningConfig pruning, TrainingConfig training, Long seed) {
        this(name, data, stem, stages, head, network, search, pruning, training, seed, null);
    }

    /** A config of the sections every config had before {@code network} (resolved to its defaults). */
    public SearchSpaceConfig(String name, DataConfig data, StemConfig stem, List<StageConfig> stages, HeadConfig head,
            SearchConfig search, PruningConfig pruning, TrainingConfig training, Long seed) {
        this(name, data, stem, stages, head, null, search, pruning, training, seed);
    }

    /** The same config with another seed. */
    public SearchSpaceConfig withSeed(long newSeed) {
        return new SearchSpaceConfig(name, data, stem, stages, head, network, search, pruning, training, newSeed, task);
    }

    /** The same config with another name. */
    public SearchSpaceConfig withName(String newName) {
        return new SearchSpaceConfig(newName, data, stem, stages, head, network, search, pruning, training, seed, task);
    }

    /**
     * The same config named {@code name + suffix}, the name cut so that the whole stays within
     * {@link ConfigValidator#MAX_NAME_LENGTH} (a derived run must not fail validation for its name alone).
     */
    public SearchSpaceConfig withNameSuffix(String suffix) {
        String base = name == null ? "run" : name;
        int room = Math.max(1, ConfigValidator.MAX_NAME_LENGTH - suffix.length());
        return withName((base.length() > room ? base.substring(0, room) : base) + suffix);
    }

    /** The same config on other data. */
    public SearchSpaceConfig withData(DataConfig newData) {
        return new SearchSpaceConfig(name, newData, stem, stages, head, network, search, pruning, training, seed, task);
    }

    /** The same config with architecture search and weight pruning switched off (architecture and masks frozen). */
    public SearchSpaceConfig frozen() {
        SearchConfig s = search;
        PruningConfig p = pruning;
        return new SearchSpaceConfig(name, data, stem, stages, head, network,
                new SearchConfig(false, s.rho(), s.rhoWarmupEpochs(), s.gammaThreshold(), s.minShrinkMacs(),
                        s.evalIntervalEpochs(), s.bnRecalibrationBatches(), 0L, s.macsTargetEndEpoch()),
                new PruningConfig(false, p.targetSparsity(), p.intervalEpochs(), p.schedule(), p.increment(),
                        p.cubicEndEpoch(), p.rerank(), p.reuseMask(), p.resetMaskAfterPrune(), p.zeroPrunedWeights(),
                        p.criterion(), p.minLayerDensity(), p.lrRestartAtTarget(), p.distillAtTarget()),
                training, seed, task);
    }

    /** The same config for another task (its head changes; the body does not). */
    public SearchSpaceConfig withTask(Task newTask) {
        return new SearchSpaceConfig(name, data, stem, stages, head, network, search, pruning, training, seed,
                newTask.configName());
    }

    /** The task this config trains for ({@link Task#CLASSIFICATION} when it names none). */
    public Task taskKind() {
        return Task.fromConfig(task);
    }

    /** The same config with other search and pruning sections. */
    public SearchSpaceConfig withSearchAndPruning(SearchConfig newSearch, PruningConfig newPruning) {
        return new SearchSpaceConfig(name, data, stem, stages, head, network, newSearch, newPruning, training, seed,
                task);
    }

    /** The same config with another network section. */
    public SearchSpaceConfig withNetwork(NetworkConfig newNetwork) {
        return new SearchSpaceConfig(name, data, stem, stages, head, newNetwork, search, pruning, training, seed, task);
    }

    /** The same config with another training section. */
    public SearchSpaceConfig withPruning(PruningConfig newPruning) {
        return new SearchSpaceConfig(name, data, stem, stages, head, network, search, newPruning, training, seed, task);
    }

    /** The same config with another training section. */
    public SearchSpaceConfig withTraining(TrainingConfig newTraining) {
        return new SearchSpaceConfig(name, data, stem, stages, head, network, search, pruning, newTraining, seed, task);
    }
}
