package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task and the dataset must agree: a per-pixel dataset needs the segmentation head, and back. */
class TaskValidationTest {

    private static List<String> problemsAtTask(SearchSpaceConfig config) {
        return ConfigValidator.validate(ConfigResolver.resolve(config)).stream()
                .filter(i -> i.path().equals("task")).map(ValidationIssue::message).toList();
    }

    @Test
    void theSegmentationSamplesAreValidAndAClassificationConfigWithoutATaskStillIs() throws Exception {
        assertEquals(List.of(), ConfigValidator.validate(ConfigIo.loadResolved(
                Path.of("sample-configs/segmentation.json"))));
        SearchSpaceConfig quickstart = ConfigIo.read(Path.of("sample-configs/quickstart.json"));
        SearchSpaceConfig noTask = new SearchSpaceConfig(quickstart.name(), quickstart.data(), quickstart.stem(),
                quickstart.stages(), quickstart.head(), quickstart.network(), quickstart.search(), quickstart.pruning(),
                quickstart.training(), quickstart.seed());
        assertEquals(List.of(), problemsAtTask(noTask));
        assertEquals(Task.CLASSIFICATION, ConfigResolver.resolve(noTask).taskKind());
    }

    @Test
    void aTaskThatDoesNotMatchItsDatasetIsRefusedWithTheFix() throws Exception {
        SearchSpaceConfig quickstart = ConfigIo.read(Path.of("sample-configs/quickstart.json"));
        List<String> segmentingLabels = problemsAtTask(quickstart.withTask(Task.SEGMENTATION));
        assertTrue(segmentingLabels.size() == 1 && segmentingLabels.get(0).contains("one label per image"),
                segmentingLabels.toString());

        SearchSpaceConfig demo = ConfigIo.read(Path.of("sample-configs/segmentation-demo.json"));
        List<String> classifyingPixels = problemsAtTask(demo.withTask(Task.CLASSIFICATION));
        assertTrue(classifyingPixels.size() == 1 && classifyingPixels.get(0).contains("labels every pixel"),
                classifyingPixels.toString());
    }

    @Test
    void anUnknownTaskIsNamedWithTheClosestKnownOne() throws Exception {
        SearchSpaceConfig demo = ConfigIo.read(Path.of("sample-configs/segmentation-demo.json"));
        SearchSpaceConfig typo = new SearchSpaceConfig(demo.name(), demo.data(), demo.stem(), demo.stages(),
                demo.head(), demo.network(), demo.search(), demo.pruning(), demo.training(), demo.seed(),
                "segmentaton");
        List<ValidationIssue> issues = ConfigValidator.validate(ConfigResolver.resolve(typo));
        assertTrue(issues.stream().anyMatch(i -> i.path().equals("task") && i.message().contains("segmentation")),
                issues.toString());
    }

    @Test
    void everyTrainingMethodKeepsTheTask() throws Exception {
        SearchSpaceConfig demo = ConfigIo.loadResolved(Path.of("sample-configs/segmentation-demo.json"));
        for (TrainingMethod method : TrainingMethod.values()) {
            SearchSpaceConfig c = method.applyTo(demo);
            assertEquals(Task.SEGMENTATION, c.taskKind(), method + " must not turn a segmentation run into "
                    + "classification");
            assertEquals(List.of(), ConfigValidator.validate(c), method.toString());
        }
    }
}
