package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.supertickets.pipeline.ImpPipeline;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.pipeline.PipelineStage;
import org.supertickets.prune.PruneScope;
import org.supertickets.run.RunSetupException;
import org.supertickets.space.ConfigException;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
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
            pipeline = new ImpPipeline(base, settings, device, (kind, index, count) -> {
                System.out.printf(Locale.ROOT, "stage %d/%d: %s%n", index, count, kind);
                return new TerminalProgress(quiet);
            });
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            System.err.println("imp: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        Thread hook = new Thread(pipeline::cancel, "cancel-pipeline-on-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ImpPipeline.Result result = pipeline.run(out, searchRun);
            System.out.println(result.message());
            for (PipelineStage s : result.manifest().stages()) {
                System.out.printf(Locale.ROOT, "  %-8s sparsity %.3f  test acc %.4f  train MACs %.3g  %.0f s%n",
                        s.kind(), s.sparsity(), s.testAccuracy(), s.trainingMacs(), s.wallSeconds());
            }
            System.out.printf(Locale.ROOT, "total training compute %.3g MACs, wall %.0f s; %s%n",
                    result.manifest().totalTrainingMacs(), result.manifest().totalWallSeconds(), result.folder());
            return result.outcome() == RunFinished.Outcome.COMPLETED ? 0
                    : result.outcome() == RunFinished.Outcome.CANCELLED ? Main.EXIT_CANCELLED : Main.EXIT_FAILED;
        } catch (RunSetupException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (IOException e) {
            System.err.println("imp: " + e.getMessage());
            return Main.EXIT_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }
}
