package org.supertickets.ui.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supertickets.space.TrainingMethod;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigDefaults;
import org.supertickets.space.NetworkSummary;
import org.supertickets.space.SchemaReference;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.Task;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;

class DesignerViewModelTest {

    @TempDir
    Path dir;

    private final RecordingNotifier notifier = new RecordingNotifier();
    private DesignerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new DesignerViewModel(DirectRunner.create(), notifier, TestConfigs.tinyFashionMnist(), null);
    }

    @Test
    void aValidConfigHasAPreviewAndNoIssues() {
        assertTrue(vm.issuesProperty().get().isEmpty());
        NetworkSummary summary = vm.previewProperty().get().summary();
        assertNotNull(summary);
        assertTrue(summary.supernetMacs() > summary.smallestMacs());
        assertNotNull(vm.runnableConfig());
        assertFalse(vm.isDirty());
    }

    @Test
    void anIssueLandsOnTheFieldItConcernsAndClearsWhenFixed() {
        FieldModel end = vm.field("pruning.cubicEndEpoch");
        vm.set("pruning.schedule", "cubic");
        vm.set("training.epochs", 1);
        assertTrue(end.getError().contains("Fix:"), end.getError());
        assertEquals("", vm.field("training.epochs").getError());
        assertNull(vm.runnableConfig());
        assertNull(vm.previewProperty().get().summary());
        vm.set("pruning.cubicEndEpoch", 1.0);
        assertEquals("", end.getError());
        assertNotNull(vm.runnableConfig());
    }

    /** Issue 11, item 3: shortening the run is not refused for the end epoch of a schedule not chosen. */
    @Test
    void shorteningTheRunIgnoresTheEndEpochsOfSwitchedOffSettings() {
        assertEquals("staircase", vm.getConfig().pruning().schedule());
        assertEquals(0L, vm.getConfig().search().macsTarget());
        vm.set("training.epochs", 1);
        assertEquals("", vm.field("pruning.cubicEndEpoch").getError());
        assertEquals("", vm.field("search.macsTargetEndEpoch").getError());
        assertNotNull(vm.runnableConfig());
    }

    /** Issue 11, item 2: the preview was one edit behind (it read the summary before the summary followed). */
    @Test
    void thePreviewSeenByItsListenerDescribesTheConfigOnScreen() {
        List<String> shown = new ArrayList<>();
        vm.previewProperty().addListener((o, a, p) -> {
            assertSame(vm.getConfig(), p.config(), "the config on screen");
            assertEquals(vm.issuesProperty().get(), p.issues());
            shown.add(p.config().stem().channels() + " / " + (p.summary() == null ? "-" : p.summary().supernetMacs())
                    + " / " + (p.supernet() == null ? "-" : p.supernet().macs()) + " / " + p.issues().size());
        });
        int stem = vm.getConfig().stem().channels();
        long before = NetworkSummary.of(vm.getConfig()).supernetMacs();
        vm.set("stem.channels", stem + 4);
        long wider = NetworkSummary.of(vm.getConfig()).supernetMacs();
        assertNotEquals(before, wider);
        vm.undo();
        vm.set("training.batchSize", 0);
        vm.set("training.batchSize", 32);
        String valid = stem + " / " + before + " / " + before + " / 0";
        assertEquals(List.of((stem + 4) + " / " + wider + " / " + wider + " / 0", valid, stem + " / - / - / 1", valid),
                shown);
    }

    @Test
    void listenersOfTheConfigSeeItsIssuesAndFieldsAlready() {
        List<String> seen = new ArrayList<>();
        FieldModel batch = vm.field("training.batchSize");
        vm.configProperty().addListener((o, a, c) -> seen.add(vm.issuesProperty().get().size() + " "
                + vm.errorFor("training.batchSize").isEmpty() + " " + (vm.runnableConfig() == c)));
        vm.set("training.batchSize", 0);
        assertTrue(batch.getError().contains("Fix:"), batch.getError());
        vm.set("training.batchSize", 32);
        assertEquals(List.of("1 false false", "0 true true"), seen);
    }

    @Test
    void kernelIssuesMapToTheStagesKernelFieldNotToTheStagesList() {
        vm.toggleKernel(0, 3);
        vm.toggleKernel(0, 5);
        assertEquals(List.of(), vm.getConfig().stages().get(0).kernelSizes());
        assertTrue(vm.field("stages[0].kernelSizes").getError().contains("is empty"));
        assertEquals("", vm.field("stages").getError());
        assertEquals("", vm.field("stages[1].kernelSizes").getError());
    }

    @Test
    void everyEditUndoesAndRedoesAndDirtyFollowsTheSavedState() {
        int original = vm.getConfig().training().epochs();
        vm.set("training.epochs", 9);
        vm.addStage();
        assertTrue(vm.isDirty());
        assertEquals(3, vm.getConfig().stages().size());
        assertTrue(vm.undoTextProperty().get().contains("Add stage"));
        vm.undo();
        assertEquals(2, vm.getConfig().stages().size());
        vm.undo();
        assertEquals(original, vm.getConfig().training().epochs());
        assertFalse(vm.isDirty(), "back at the loaded state");
        vm.redo();
        assertEquals(9, vm.getConfig().training().epochs());
        assertEquals(9, vm.field("training.epochs").getValue());
        assertTrue(vm.isDirty());
    }

    @Test
    void aMethodSetsItsSwitchesAsOneUndoableEditAndFollowsSingleSwitches() {
        assertEquals(TrainingMethod.SUPERTICKETS, vm.methodProperty().get());
        vm.applyMethod(TrainingMethod.NO_REACTIVATION);
        assertEquals(TrainingMethod.NO_REACTIVATION, vm.methodProperty().get());
        assertEquals(false, vm.getConfig().pruning().rerank());
        assertEquals(true, vm.getConfig().pruning().reuseMask());
        vm.undo();
        assertEquals(TrainingMethod.SUPERTICKETS, vm.methodProperty().get(), "one undo restores every switch");
        assertEquals(true, vm.getConfig().pruning().rerank());
        vm.set("search.enabled", false);
        assertEquals(TrainingMethod.PRUNE_ONLY, vm.methodProperty().get());
    }

    @Test
    void settingTheSameValueIsNotAnEdit() {
        vm.set("training.epochs", vm.getConfig().training().epochs());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void stagesMoveAndRemove() {
        vm.set("stages[1].channels", 40);
        vm.moveStage(1, -1);
        assertEquals(40, vm.getConfig().stages().get(0).channels());
        vm.moveStage(0, -1); // out of range: ignored
        assertEquals(40, vm.getConfig().stages().get(0).channels());
        vm.removeStage(0);
        assertEquals(1, vm.getConfig().stages().size());
    }

    @Test
    void saveThenOpenRoundTripsAndClearsDirty() throws Exception {
        vm.set("name", "saved-one");
        Path file = dir.resolve("saved.json");
        vm.saveAs(file, null);
        assertFalse(vm.isDirty());
        assertTrue(vm.titleProperty().get().startsWith("saved.json"));
        assertEquals("saved-one", ConfigIo.read(file).name());

        DesignerViewModel other = new DesignerViewModel(DirectRunner.create(), notifier,
                TestConfigs.tinyFashionMnist(), null);
        other.open(file);
        assertEquals(vm.getConfig(), other.getConfig());
        assertEquals(file, other.fileProperty().get());
        assertFalse(other.isDirty());
    }

    /** Issue 32 item 6: a config's "$schema" (for editors) survives the designer; a copy elsewhere still finds it. */
    @Test
    void savingKeepsTheFilesSchemaReferenceAndRepointsItForACopyElsewhere() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("sample-configs"));
        Path file = samples.resolve("mine.json");
        ConfigIo.write(file, TestConfigs.tinyFashionMnist(), "../docs/config.schema.json");
        vm.open(file);
        vm.set("name", "edited");
        assertTrue(vm.save(null));
        assertEquals(Optional.of("../docs/config.schema.json"), SchemaReference.of(file));
        assertEquals("edited", ConfigIo.read(file).name());

        Path copy = dir.resolve("experiments/today/copy.json");
        vm.saveAs(copy, null);
        assertEquals(Optional.of("../../docs/config.schema.json"), SchemaReference.of(copy));
        assertEquals(ConfigIo.read(file), ConfigIo.read(copy));

        Path plain = dir.resolve("plain.json");
        ConfigIo.write(plain, TestConfigs.tinyFashionMnist());
        vm.open(plain);
        vm.save(null);
        assertEquals(Optional.empty(), SchemaReference.of(plain), "none is added to a file that had none");
    }

    @Test
    void aBrokenFileIsReportedWithItsLineAndFixAndKeepsTheDocument() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"name\": \"x\", \"trainning\": {} }");
        var before = vm.getConfig();
        vm.open(bad);
        assertEquals(before, vm.getConfig());
        assertEquals(1, notifier.errors.size());
        String message = notifier.errors.get(0);
        assertTrue(message.contains("trainning") && message.contains("line"), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void undoStackIsBounded() {
        UndoManager m = new UndoManager(3);
        int[] value = {0};
        for (int i = 1; i <= 5; i++) {
            int v = i;
            int before = value[0];
            m.execute(new EditCommand() {
                @Override
                public void execute() {
                    value[0] = v;
                }

                @Override
                public void undo() {
                    value[0] = before;
                }

                @Override
                public String description() {
                    return "set " + v;
                }
            });
        }
        assertEquals(3, m.undoSize());
        m.undo();
        m.undo();
        m.undo();
        assertFalse(m.canUndo());
        assertEquals(2, value[0]);
    }

    @Test
    void configPathsReadAndReplaceNestedFields() {
        var c = vm.getConfig();
        assertEquals(c.stages().get(1).kernelSizes(), ConfigPaths.get(c, "stages[1].kernelSizes"));
        var changed = ConfigPaths.with(c, "stages[1].kernelSizes", List.of(7));
        assertEquals(List.of(7), changed.stages().get(1).kernelSizes());
        assertEquals(c.stages().get(0), changed.stages().get(0));
        assertEquals(0.5, ConfigPaths.with(c, "pruning.targetSparsity", 0.5).pruning().targetSparsity());
    }

    @Test
    void switchingToSegmentationMovesToACanvasDatasetInOneUndoableEditAndSaysWhy() throws Exception {
        long classificationMacs = vm.previewProperty().get().summary().supernetMacs();
        assertEquals(ConfigDefaults.CLASSIFICATION_DATASETS, vm.datasetChoicesProperty().get());

        vm.setTask(Task.SEGMENTATION);

        SearchSpaceConfig c = vm.getConfig();
        assertEquals("segmentation", c.task());
        assertEquals(Task.SEGMENTATION, vm.taskProperty().get());
        assertEquals("fashion-mnist-canvas", c.data().dataset());
        assertEquals(List.of(1, 64, 64, 11), List.of(c.data().channels(), c.data().height(), c.data().width(),
                c.data().classes()));
        assertEquals(ConfigDefaults.SEGMENTATION_DATASETS, vm.datasetChoicesProperty().get());
        assertTrue(vm.issuesProperty().get().isEmpty(), vm.issuesProperty().get().toString());
        assertTrue(vm.statusProperty().get().contains("fashion-mnist has one label per image"),
                vm.statusProperty().get());
        // The preview counts the decoder: its MACs are the supernet's, decoder included.
        Architecture supernet = vm.previewProperty().get().supernet();
        assertTrue(supernet.segments());
        assertEquals(supernet.macs(), vm.previewProperty().get().summary().supernetMacs());
        assertTrue(supernet.layers().stream().anyMatch(l -> l.name().equals(Architecture.DECODER_SKIP)));
        assertNotEquals(classificationMacs, vm.previewProperty().get().summary().supernetMacs());

        Path file = dir.resolve("seg.json");
        vm.saveAs(file, null);
        assertEquals("segmentation", ConfigIo.read(file).task(), "the config written names its task");

        vm.undo();
        assertEquals("classification", vm.getConfig().task());
        assertEquals("fashion-mnist", vm.getConfig().data().dataset(), "one undo restores task and dataset");
        assertEquals(28, vm.getConfig().data().height());
        assertEquals(ConfigDefaults.CLASSIFICATION_DATASETS, vm.datasetChoicesProperty().get());
    }

    @Test
    void eachDatasetSwitchesToItsCounterpartAndAFittingOneStays() {
        vm.set("data.dataset", "mnist");
        vm.setTask(Task.SEGMENTATION);
        assertEquals("mnist-canvas", vm.getConfig().data().dataset());
        vm.set("data.height", 48);
        vm.setTask(Task.CLASSIFICATION);
        assertEquals("mnist", vm.getConfig().data().dataset());
        assertEquals(28, vm.getConfig().data().height());
        assertTrue(vm.issuesProperty().get().isEmpty(), vm.issuesProperty().get().toString());
        assertTrue(vm.statusProperty().get().contains("labels every pixel"), vm.statusProperty().get());

        assertEquals("fashion-mnist", DesignerViewModel.datasetFor(Task.CLASSIFICATION, "mask-folder"));
        assertEquals("fashion-mnist-canvas", DesignerViewModel.datasetFor(Task.SEGMENTATION, "cifar10"));
        assertNull(DesignerViewModel.datasetFor(Task.SEGMENTATION, "mask-folder"), "a fitting dataset stays");
        assertNull(DesignerViewModel.datasetFor(Task.CLASSIFICATION, "cifar10"));
    }
}
