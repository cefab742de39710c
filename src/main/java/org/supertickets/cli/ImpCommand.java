package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.supertickets.pipeline.ImpPipeline;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.io.AtomicFiles;
import org.supertickets.prune.PruneScope;
import org.supertickets.slurm.SlurmSweepSubmitter;
import org.supertickets.space.ConfigException;
import org.supertickets.space.SearchSpaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imp CONFIG}: the search → train → iterative magnitude pruning with rewinding → retrain baseline. */
@Command(name = "imp", mixinStandardHelpOptions = true,
        description = "The usual pipeline: search (nas-only), train the found network, then iterative magnitude "
                + "pruning with weight rewinding (open_lth semantics) to the config's target sparsity; the last "
                + "level is the retrained ticket. Every stage is a run folder; pipeline.json sums their cost.")
final class ImpCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONFIG", arity = "0..1", description = "the config (search settings, data, "
            + "training, seed, and pruning.targetSparsity as the target)")
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

    @Option(names = "--out", paramLabel = "DIR", converter = OutFolderOption.class,
            defaultValue = "runs", description = "where the pipeline folder "
            + "goes")
    Path out;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "override the device")
    String device;

    @Option(names = "--seed", paramLabel = "N", description = "override the seed (of every stage)")
    Long seed;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--engine", paramLabel = "local|slurm", defaultValue = "local", description = "local: here; "
            + "slurm: the whole pipeline as one Slurm job, resumed from its manifest by --resume (docs/cluster.md)")
    String engine;

    @Mixin
    SlurmSweepOptions slurm = new SlurmSweepOptions();

    @Option(names = "--record-folder", paramLabel = "FILE", description = "write the new pipeline folder's path "
            + "into FILE as soon as it exists (how a pipeline on Slurm is followed)")
    Path recordFolder;

    @Override
    public Integer call() {
        if (slurm.managesASweep()) {
            return new SweepOnSlurm(slurm, SlurmSweepSubmitter.IMP_PREFIX).manage();
        }
        if (config == null) {
            System.err.println("imp needs a CONFIG (or --status, --cancel or --resume OUT for a pipeline submitted "
                    + "to Slurm). Fix: e.g. imp sample-configs/quickstart.json.");
            return Main.EXIT_BAD_INPUT;
        }
        String engineProblem = slurm.engineProblem(engine);
        if (engineProblem != null) {
            System.err.println(engineProblem);
            return Main.EXIT_BAD_INPUT;
        }
        ImpPipeline pipeline;
        SearchSpaceConfig base;
        ImpSettings settings;
        try {
            base = Configs.load(config, seed, null);
            settings = new ImpSettings(base.pruning().targetSparsity(), fraction, rewindEpochs,
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
        if (engine.equals("slurm")) {
            return new SweepOnSlurm(slurm, SlurmSweepSubmitter.IMP_PREFIX).submitImp(base, impOptions(settings),
                    out, device);
        }
        return PipelineConsole.await(pipeline, () -> pipeline.run(out, searchRun, this::record));
    }

    /** The options the job's own {@code imp} runs with: these settings, spelled out. */
    private List<String> impOptions(ImpSettings settings) {
        List<String> options = new ArrayList<>(List.of("--fraction", Double.toString(settings.fractionPerLevel()),
                "--rewind-epochs", Double.toString(settings.rewindEpochs()), "--level-epochs",
                Integer.toString(settings.levelEpochs())));
        if (settings.scope() == PruneScope.LAYERWISE) {
            options.add("--layerwise");
        }
        if (searchRun != null) {
            options.addAll(List.of("--search-run", searchRun.toAbsolutePath().normalize().toString()));
        }
        return options;
    }

    /** Written atomically: whoever reads it sees no path or the whole one. A failure to write it stops nothing. */
    private void record(Path folder) {
        if (recordFolder == null) {
            return;
        }
        try {
            AtomicFiles.writeString(recordFolder, folder.toAbsolutePath() + "\n");
        } catch (IOException e) {
            System.err.println("Cannot write the pipeline folder's path into " + recordFolder + ": "
                    + e.getMessage() + ". The pipeline goes on in " + folder + ".");
        }
    }
}
