package org.supertickets.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.SegmentationMetrics;
import org.supertickets.ui.DirectRunner;
import org.supertickets.ui.RecordingNotifier;

/** The Compare tab shows mean IoU for segmentation runs and says their accuracy is per pixel. */
class SegmentationCompareViewModelTest {

    @TempDir
    Path dir;

    private final CompareViewModel vm = new CompareViewModel(DirectRunner.create(), new RecordingNotifier());

    private static SegmentationMetrics iou(double withBackground, double objectsOnly) {
        return new SegmentationMetrics(withBackground, objectsOnly, new double[] {0.9, objectsOnly});
    }

    @Test
    void segmentationRunsBringTheirMeanIouAndAPerPixelAccuracyHeader() throws Exception {
        SearchSpaceConfig seg = ConfigIo.read(Path.of("sample-configs/segmentation-demo.json"));
        RunFolder a = TinyRuns.finished(dir, "seg-a", seg, 0.81, 4000, iou(0.41, 0.35));
        RunFolder b = TinyRuns.finished(dir, "seg-b", seg.frozen().withName("seg-b"), 0.85, 3000, iou(0.30, 0.20));
        assertFalse(vm.segmentationProperty().get());
        assertEquals("Test accuracy", vm.accuracyHeaderProperty().get());

        vm.add(List.of(a.path(), b.path()));

        assertTrue(vm.segmentationProperty().get());
        assertEquals("Test pixel\naccuracy", vm.accuracyHeaderProperty().get());
        assertEquals(0.41, vm.runs().get(0).summary().testMeanIou(), 1e-12);
        assertEquals(0.35, vm.methodsProperty().get().get(0).meanIouWithoutBackground(), 1e-12);
        assertTrue(vm.csv().lines().findFirst().orElseThrow()
                .endsWith("test_mean_iou,test_mean_iou_without_background"));

        // A classification run beside them: the column says whose accuracy is per pixel.
        RunFolder c = TinyRuns.finished(dir, "cls", TestConfigs.tinyFashionMnist(), 0.8, 5000);
        vm.add(List.of(c.path()));
        assertEquals("Test accuracy\n(per pixel: segm.)", vm.accuracyHeaderProperty().get());

        vm.clear();
        assertFalse(vm.segmentationProperty().get());
        assertEquals("Test accuracy", vm.accuracyHeaderProperty().get());
    }
}
