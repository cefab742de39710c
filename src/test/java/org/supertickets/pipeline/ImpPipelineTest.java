package org.supertickets.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.prune.PruneScope;
import org.supertickets.report.ComparedRuns;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.run.RunSetupException;
import org.supertickets.run.RunSummary;
import org.supertickets.space.EmaConfig;
import org.supertickets.space.LayerShape;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingConfig;
import org.supertickets.space.TrainingMethod;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketRunPlan;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RewindPoint;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;

class ImpPipelineTest {

    @TempDir
    Path dir;

    private static SearchSpaceConfig base() {
        return TestConfigs.tinyFashionMnist();
    }

    @Test
    void searchTrainAndPruneLevelsRewindAndSumTheirCost() throws Exception {
        ImpSettings settings = new ImpSettings(0.6, 0.5, 1.0, PruneScope.GLOBAL, 2);
        List<String> announced = new java.util.ArrayList<>();
        ImpPipeline pipeline = new ImpPipeline(base(), settings, "cpu", (kind, i, n) -> {
            announced.add(kind + " " + i + "/" + n);
            return null;
        });
        ImpPipeline.Result result = pipeline.run(dir, null);
        assertEquals(RunFinished.Outcome.COMPLETED, result.outcome(), result.message());
        PipelineManifest m = PipelineIo.read(result.folder());
        assertEquals(List.of("search 1/4", "train 2/4", "level-1 3/4", "level-2 4/4"), announced);
        assertEquals(List.of("search", "train", "level-1", "level-2"),
                m.stages().stream().map(PipelineStage::kind).toList());
        assertTrue(m.complete());
        assertEquals(m.stages().stream().map(s -> s.kind() + " in " + s.runFolder()).toList(),
                new StageAnnouncements(result.folder()).readNew().stream().map(a -> a.kind() + " in "
                        + a.runFolder()).toList(), "each stage announced the folder it trained in as it started");
        assertEquals(0.0, m.stages().get(0).sparsity(), "the search prunes no weights");
        assertEquals(0.0, m.stages().get(1).sparsity(), "level 0 trains the found net dense");

        // Each level's mask is a subset of the previous level's, and the last one is at the target.
        NetworkState level1 = TicketIo.read(result.folder().resolve(m.stages().get(2).runFolder()).resolve("ticket"))
                .network();
        NetworkState level2 = TicketIo.read(result.folder().resolve(m.ticket())).network();
        long pruned = 0;
        long total = 0;
        for (LayerShape layer : level2.architecture().layers()) {
            if (layer.prunable()) {
                float[] m1 = level1.tensor(TensorNames.mask(layer.name())).data();
                float[] m2 = level2.tensor(TensorNames.mask(layer.name())).data();
                for (int i = 0; i < m2.length; i++) {
                    assertTrue(m1[i] != 0f || m2[i] == 0f, "IMP never revives a weight");
                    pruned += m2[i] == 0f ? 1 : 0;
                }
                total += m2.length;
            }
        }
        assertEquals(Math.round(0.6 * total), pruned);

        // Levels start at the rewind step (1 epoch), not at 0, and their architecture is the searched one.
        assertTrue(m.rewindStep() > 0);
        RunFolder levelRun = RunFolder.open(result.folder().resolve(m.stages().get(3).runFolder()));
        RunStarted started = (RunStarted) new RunFolderReader(levelRun).readNew().stream()
                .filter(e -> e instanceof RunStarted).findFirst().orElseThrow();
        assertEquals(m.rewindStep(), started.step());
        NetworkState searched = TicketIo.read(result.folder().resolve(m.stages().get(0).runFolder())
                .resolve("ticket")).network();
        assertEquals(searched.architecture(), level2.architecture());

        // The pipeline's cost is the sum of its stages' recorded compute.
        double sum = 0;
        for (PipelineStage s : m.stages()) {
            sum += RunSummary.read(RunFolder.open(result.folder().resolve(s.runFolder()))).trainingMacs();
        }
        assertEquals(sum, m.totalTrainingMacs(), 1e-6 * sum);
        RunSummary compared = ComparedRuns.read(result.folder());
        assertEquals(PipelineManifest.IMP_METHOD, compared.method());
        assertEquals(sum, compared.trainingMacs(), 1e-6 * sum);
        assertEquals(0.6, compared.sparsity(), 0.01);
    }

    @Test
    void aPipelineStoppedTwiceResumesStageByStageToTheSameResultAsOneThatRanThrough() throws Exception {
        ImpSettings settings = new ImpSettings(0.6, 0.5, 0.5, PruneScope.GLOBAL, 2);
        PipelineManifest straight = PipelineIo.read(new ImpPipeline(base(), settings, "cpu", (kind, i, n) -> null)
                .run(dir.resolve("straight"), null).folder());

        // Stop the train stage after its rewind point was saved, then the first pruning level half-way.
        Set<String> stopIn = new HashSet<>(Set.of("train", "level-1"));
        AtomicReference<ImpPipeline> current = new AtomicReference<>();
        StageObserver stopper = (kind, i, n) -> event -> {
            if (event instanceof EvalMetrics && stopIn.remove(kind)) {
                current.get().cancel();
            }
        };
        current.set(new ImpPipeline(base(), settings, "cpu", stopper));
        ImpPipeline.Result first = current.get().run(dir.resolve("stopped"), null);
        Path folder = first.folder();
        assertEquals(RunFinished.Outcome.CANCELLED, first.outcome(), first.message());
        assertEquals(List.of("search"), kinds(PipelineIo.read(folder)));
        assertTrue(Files.isRegularFile(folder.resolve(ImpPipeline.REWIND_FILE)));

        current.set(ImpPipeline.reopen(folder, "cpu", stopper));
        ImpPipeline.Result second = current.get().resumeIn(folder);
        assertEquals(RunFinished.Outcome.CANCELLED, second.outcome(), second.message());
        assertEquals(List.of("search", "train"), kinds(PipelineIo.read(folder)));

        current.set(ImpPipeline.reopen(folder, "cpu", stopper));
        ImpPipeline.Result third = current.get().resumeIn(folder);
        assertEquals(RunFinished.Outcome.COMPLETED, third.outcome(), third.message());
        PipelineManifest resumed = PipelineIo.read(folder);
        assertEquals(kinds(straight), kinds(resumed));
        for (int i = 0; i < straight.stages().size(); i++) {
            assertEquals(straight.stages().get(i).testAccuracy(), resumed.stages().get(i).testAccuracy(),
                    "stage " + straight.stages().get(i).kind() + " ends as if it had never stopped");
        }
        try (var children = Files.list(folder)) {
            assertEquals(4, children.filter(Files::isDirectory).count(), "stopped stages resumed in their folders");
        }
        List<StageAnnouncement> announced = new StageAnnouncements(folder).readNew();
        assertEquals(List.of("search", "train", "train resumed", "level-1", "level-1 resumed", "level-2"),
                announced.stream().map(a -> a.kind() + (a.resumed() ? " resumed" : "")).toList(),
                "every attempt at a stage announced, a resumed one as such");
        for (StageAnnouncement a : announced) {
            assertEquals(folder.resolve(resumed.stages().stream().filter(s -> s.kind().equals(a.kind()))
                    .findFirst().orElseThrow().runFolder()), a.folderIn(folder), "a resumed stage keeps its folder");
        }
        RunSetupException done = assertThrows(RunSetupException.class,
                () -> ImpPipeline.reopen(folder, "cpu", stopper));
        assertTrue(done.getMessage().contains("nothing to resume"), done.getMessage());
    }

    private static List<String> kinds(PipelineManifest manifest) {
        return manifest.stages().stream().map(PipelineStage::kind).toList();
    }

    @Test
    void theRewindPointIsTheNetworkAfterExactlyThatManySteps() throws Exception {
        // Constant learning rate: the first epoch of a 2-epoch run equals a whole 1-epoch run. No weight average:
        // the rewind point is the trained network, and with the average on a run's ticket is the averaged copy.
        SearchSpaceConfig frozen = TicketRunPlan.frozenConfig(base(), "-rewind", 2);
        TrainingConfig t = frozen.training();
        SearchSpaceConfig constant = frozen.withTraining(new TrainingConfig(2, t.batchSize(), t.optimizer(),
                t.learningRate(), t.momentum(), t.weightDecay(), "constant", 0.0, t.labelSmoothing(),
                t.evalBatchSize(), "cpu").withEma(new EmaConfig(false, null, null, null)));
        AtomicReference<RewindPoint> rewind = new AtomicReference<>();
        LocalRun two = LocalRun.startStage(constant, dir, "cpu", null, null,
                new LocalRun.RewindCapture(1.0, rewind::set), new org.supertickets.train.TrainingControl());
        assertEquals(RunFinished.Outcome.COMPLETED, two.completion().get().outcome());
        LocalRun one = LocalRun.start(constant.withTraining(constant.training().withEpochs(1)), dir, "cpu", null);
        assertEquals(RunFinished.Outcome.COMPLETED, one.completion().get().outcome());
        NetworkState afterOneEpoch = TicketIo.read(one.folder().ticket()).network();
        assertNotNull(rewind.get());
        assertEquals(two.totalSteps() / 2, rewind.get().step());
        for (LayerShape layer : afterOneEpoch.architecture().layers()) {
            String name = TensorNames.weight(layer.name());
            HostTensor expected = afterOneEpoch.tensor(name);
            assertArrayEquals(expected.data(), rewind.get().network().tensor(name).data(), name);
        }
    }

    @Test
    void aSearchRunOfAnotherMethodIsRefusedWithTheFix() throws Exception {
        LocalRun run = LocalRun.start(TicketRunPlan.frozenConfig(base(), "-dense", 1), dir, "cpu", null);
        run.completion().get();
        ImpPipeline pipeline = new ImpPipeline(base(), new ImpSettings(0.6, 0.5, 0, PruneScope.GLOBAL, 2), "cpu",
                (kind, i, n) -> null);
        RunSetupException e = assertThrows(RunSetupException.class,
                () -> pipeline.run(dir.resolve("p"), run.folder().path()));
        assertTrue(e.getMessage().contains("is a dense run") && e.getMessage().contains("Fix"),
                e.getMessage());
    }

    @Test
    void methodsRoundTripThroughTheirConfigSwitches() {
        for (TrainingMethod method : TrainingMethod.values()) {
            assertEquals(method, TrainingMethod.of(method.applyTo(base())), method.label());
        }
        SearchSpaceConfig noReactivation = TrainingMethod.NO_REACTIVATION.applyTo(base());
        assertTrue(!noReactivation.pruning().rerank() && noReactivation.pruning().reuseMask());
        SearchSpaceConfig oneShot = TrainingMethod.ONE_SHOT.applyTo(base());
        assertEquals(oneShot.pruning().targetSparsity(), oneShot.pruning().increment());
        assertThrows(IllegalArgumentException.class, () -> TrainingMethod.fromLabel("magic"));
    }
}
