package org.supertickets.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.supertickets.pipeline.ImpPipeline;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.prune.PruneScope;
import org.supertickets.space.ConfigException;
import org.supertickets.space.SearchSpaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imp CONFIG}: the search → train → iterative magnitude pruning with rewinding → retrain baseline. */
@Command(name = "imp", mixinStandardHelpOptions = true,
        description = "The usual pipeline: search (nas-only), train the found network, then iterative magnitude "
                + "pruning with weight rewinding (open_lth semantics) to the config's target sparsity; the last "
                + "level is the retrained ticket. Every stage is a run folder; pipeline.json sums their cost.")
final class ImpCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONFIG", description = "the config (search settings, data, training, seed, and "
            + "pruning.targetSparsity as the target)")
    Path config;

    @Option(names = "--fraction", paramLabel = "F", defaultValue = "0.2",
            description = "share of the alive weights pruned per level (default: ${DEFAULT-VALUE}, as open_lth)")
    double fraction;

    @Option(names = "--rewind-epochs", paramLabel = "E", defaultValue = "0",
            description = "rewind point in epochs; 0 = the initial weights (default: ${DEFAULT-VALUE})")
    double rewindEpochs;

    @Option(names = "--layerwise", description = "prune every layer to the same sparsity instead of one global "
            + "threshold")
    boolean layerwise;

    @Option(names = "--level-epochs", paramLabel = "N",
            description = "epochs of every level's training (default: the config's training.epochs)")
    Integer levelEpochs;

    @Option(names = "--search-run", paramLabel = "DIR",
            description = "a finished nas-only run of the same config to use as the search stage (its cost counts)")
    Path searchRun;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "where the pipeline folder "
            + "goes")
    Path out;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "override the device")
    String device;

    @Option(names = "--seed", paramLabel = "N", description = "override the seed (of every stage)")
    Long seed;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        ImpPipeline pipeline;
        try {
            SearchSpaceConfig base = Configs.load(config, seed, null);
            ImpSettings settings = new ImpSettings(base.pruning().targetSparsity(), fraction, rewindEpochs,
                    layerwise ? PruneScope.LAYERWISE : PruneScope.GLOBAL,
                    levelEpochs != null ? levelEpochs : base.training().epochs());
            pipeline = new ImpPipeline(base, settings, device, PipelineConsole.observer(quiet));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println("imp: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        return PipelineConsole.await(pipeline, () -> pipeline.run(out, searchRun));
    }
}
