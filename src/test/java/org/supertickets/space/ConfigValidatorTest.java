package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.supertickets.space.SampleEdits.paths;
import static org.supertickets.space.SampleEdits.quickstartIssuesWith;
import static org.supertickets.space.SampleEdits.resolvedWith;
import static org.supertickets.space.SampleEdits.resolvedWithAll;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigValidatorTest {

    /**
     * One bad value in the quickstart sample (1x28x28, stem s1, stages 16 s2 and 24 s2 x2, kernels [3,5,7], 6 epochs,
     * intervals 0.5) and the path the issue must be reported at. Values are JSON.
     */
    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            data.dataset               | "svhn"     | data.dataset
            data.dataset               | "idx"      | data.path
            data.path                  | "/data"    | data.path
            data.height                | 0          | data.height
            data.classes               | 100        | data.classes
            data.validationFraction    | 0.6        | data.validationFraction
            data.validationFraction    | -0.1       | data.validationFraction
            data.trainLimit            | -1         | data.trainLimit
            name                       | " "        | name
            stem.channels              | 0          | stem.channels
            stem.channels              | 1025       | stem.channels
            stem.kernelSize            | 2          | stem.kernelSize
            stem.kernelSize            | 0          | stem.kernelSize
            stem.kernelSize            | 57         | stem.kernelSize
            stem.stride                | 0          | stem.stride
            stages                     | []         | stages
            stages[0].channels         | -4         | stages[0].channels
            stages[0].channels         | 2048       | stages[0].channels
            stages[0].channels         | null       | stages[0].channels
            stages[0].repeats          | 0          | stages[0].repeats
            stages[0].stride           | 3          | stages[0].stride
            stages[0].expansionRatio   | 0          | stages[0].expansionRatio
            stages[0].expansionRatio   | 9          | stages[0].expansionRatio
            stages[1].kernelSizes      | []         | stages[1].kernelSizes
            stages[1].kernelSizes      | [3, 4]     | stages[1].kernelSizes[1]
            stages[1].kernelSizes      | [-1]       | stages[1].kernelSizes[0]
            stages[1].kernelSizes      | [5, 3, 5]  | stages[1].kernelSizes[2]
            stages[1].kernelSizes      | [3, 15]    | stages[1].kernelSizes[1]
            stages[1].kernelSizes      | [3, null]  | stages[1].kernelSizes[1]
            head.channels              | 0          | head.channels
            search.rho                 | -1e-4      | search.rho
            search.rhoWarmupEpochs     | 7          | search.rhoWarmupEpochs
            search.gammaThreshold      | -0.001     | search.gammaThreshold
            search.minShrinkMacs       | -1         | search.minShrinkMacs
            search.evalIntervalEpochs  | 0          | search.evalIntervalEpochs
            search.evalIntervalEpochs  | 6.5        | search.evalIntervalEpochs
            search.bnRecalibrationBatches | -1      | search.bnRecalibrationBatches
            search.macsTarget          | -5         | search.macsTarget
            search.macsTarget          | 10         | search.macsTarget
            search.macsTarget          | 1000000000 | search.macsTarget
            search.macsTargetEndEpoch  | -1         | search.macsTargetEndEpoch
            pruning.targetSparsity     | 0.995      | pruning.targetSparsity
            pruning.targetSparsity     | -0.1       | pruning.targetSparsity
            pruning.intervalEpochs     | 0          | pruning.intervalEpochs
            pruning.intervalEpochs     | -1         | pruning.intervalEpochs
            pruning.intervalEpochs     | 7          | pruning.intervalEpochs
            pruning.schedule           | "linear"   | pruning.schedule
            pruning.increment          | 0          | pruning.increment
            pruning.increment          | 1.5        | pruning.increment
            pruning.cubicEndEpoch      | -1         | pruning.cubicEndEpoch
            training.epochs            | 0          | training.epochs
            training.batchSize         | 0          | training.batchSize
            training.batchSize         | 5000       | training.batchSize
            training.optimizer         | "adam"     | training.optimizer
            training.learningRate      | 0          | training.learningRate
            training.learningRate      | -0.1       | training.learningRate
            training.momentum          | 1.0        | training.momentum
            training.momentum          | -0.5       | training.momentum
            training.weightDecay       | -1e-4      | training.weightDecay
            training.lrSchedule        | "step"     | training.lrSchedule
            training.lrWarmupEpochs    | 7          | training.lrWarmupEpochs
            training.labelSmoothing    | 0.9        | training.labelSmoothing
            training.evalBatchSize     | 0          | training.evalBatchSize
            training.device            | "tpu"      | training.device
            """)
    void aBadValueIsReportedAtItsPath(String field, String json, String expectedPath) throws Exception {
        List<ValidationIssue> issues = quickstartIssuesWith(field, json);
        assertTrue(paths(issues).contains(expectedPath), field + "=" + json + " gave " + issues);
        for (ValidationIssue issue : issues) {
            assertTrue(!issue.message().isBlank() && !issue.fix().isBlank(), issue.toString());
        }
    }

    /** The network section as a whole (the samples leave it out): every bad value at its path, with its fix. */
    @Test
    void badNetworkSettingsAreReportedAtTheirPathsWithTheirFix() throws Exception {
        List<ValidationIssue> issues = ConfigValidator.validate(resolvedWith("quickstart", "network",
                "{\"skipPath\": \"groupd\", \"bnEpsilon\": 0, \"bnMomentum\": 0, \"initialization\": \"he\"}"));
        assertEquals(List.of("network.skipPath", "network.bnEpsilon", "network.bnMomentum",
                "network.initialization"), paths(issues));
        assertTrue(issues.get(0).message().contains("'groupd' is not one of dense, grouped"), issues.get(0).message());
        assertTrue(issues.get(0).message().contains("grouped"), "a near miss names what was meant");
        assertTrue(issues.get(1).fix().contains("1e-3 (official)"), issues.get(1).fix());
        assertTrue(issues.get(2).message().contains("0 would never update them"), issues.get(2).message());
        assertTrue(issues.get(3).fix().contains("mobilenetv2, mnas"), issues.get(3).fix());
        assertEquals(List.of(), ConfigValidator.validate(resolvedWith("quickstart", "network",
                "{\"skipPath\": \"grouped\", \"bnEpsilon\": 1e-3, \"bnMomentum\": 0.01, "
                        + "\"initialization\": \"mnas\"}")), "the official settings are valid");
        assertEquals(List.of(), ConfigValidator.validate(resolvedWith("quickstart", "pruning.criterion",
                "\"grasp\"")));
    }

    @Test
    void theSchedulesThatStartAtTheTargetPruneAFixedNetworkAndOnlyAtStartAllowsZeroEpochs() throws Exception {
        // quickstart searches: a schedule that prunes a fixed network is refused with the way out.
        List<ValidationIssue> issues = ConfigValidator.validate(resolvedWith("quickstart", "pruning.schedule",
                "\"rigl\""));
        assertEquals(List.of("pruning.schedule"), paths(issues));
        assertTrue(issues.get(0).fix().contains("search.enabled to false (method rigl)"), issues.get(0).fix());
        SearchSpaceConfig rigl = TrainingMethod.RIGL.applyTo(resolvedWith("quickstart", "seed", "1"));
        assertEquals(List.of(), ConfigValidator.validate(rigl));
        SearchSpaceConfig atStart = rigl.withSearchAndPruning(rigl.search(), new PruningConfig(true, 0.9, 0.5,
                "at-start", 0.1, 4.0, true, false, false, false, "snip", 0.0, false, 0.0));
        assertEquals(List.of(), ConfigValidator.validate(atStart.withTraining(atStart.training().withEpochs(0))),
                "0 epochs: the pruned network evaluated untrained");
        assertEquals(List.of("training.epochs"), paths(ConfigValidator.validate(rigl.withTraining(
                rigl.training().withEpochs(0)))), "RigL needs training to move connections");
    }

    @Test
    void aLayerDensityFloorAboveWhatTheTargetLeavesAliveIsRefused() throws Exception {
        // quickstart prunes to 75 %: a floor of 0.3 per layer cannot leave only 25 % alive overall.
        List<ValidationIssue> issues = ConfigValidator.validate(resolvedWith("quickstart", "pruning.minLayerDensity",
                "0.3"));
        assertEquals(List.of("pruning.minLayerDensity"), paths(issues));
        assertTrue(issues.get(0).fix().contains("at most 0.25"), issues.get(0).fix());
        assertEquals(List.of(), ConfigValidator.validate(resolvedWith("quickstart", "pruning.minLayerDensity",
                "0.02")));
    }

    @Test
    void everySampleIsValidWithoutWarnings() throws Exception {
        for (String name : new String[] {"quickstart", "fashion-mnist", "cifar10"}) {
            SearchSpaceConfig c = ConfigResolver.resolve(ConfigIo.read(SampleEdits.sample(name)));
            assertEquals(List.of(), ConfigValidator.validate(c), name);
            assertEquals(List.of(), ConfigValidator.warnings(c), name);
        }
    }

    /**
     * Issue 11, item 3: quickstart shortened to 2 or 3 epochs was refused for its end epochs of 4, though its MACs
     * target is off and its schedule the staircase. Only the missed sparsity target is worth a warning.
     */
    @Test
    void aShortenedRunIsNotBlockedBySettingsThatAreSwitchedOff() throws Exception {
        for (String epochs : new String[] {"2", "3"}) {
            SearchSpaceConfig c = resolvedWith("quickstart", "training.epochs", epochs);
            assertEquals(4.0, c.search().macsTargetEndEpoch());
            assertEquals(4.0, c.pruning().cubicEndEpoch());
            assertEquals(List.of(), ConfigValidator.validate(c), epochs + " epochs");
        }
        assertEquals(List.of("pruning.targetSparsity"),
                paths(ConfigValidator.warnings(resolvedWith("quickstart", "training.epochs", "2"))));
    }

    @Test
    void endEpochsAreComparedWithTheRunOnlyWhileTheirSettingIsInEffect() throws Exception {
        SearchSpaceConfig cubic = resolvedWithAll("quickstart", "pruning.schedule", "\"cubic\"",
                "training.epochs", "3");
        ValidationIssue end = ConfigValidator.validate(cubic).get(0);
        assertEquals("pruning.cubicEndEpoch", end.path());
        assertEquals("is 4.0, outside 0..3", end.message());
        assertEquals(List.of(), ConfigValidator.validate(resolvedWithAll("quickstart", "pruning.schedule",
                "\"cubic\"", "pruning.enabled", "false", "training.epochs", "3")), "pruning off");

        long target = NetworkSummary.of(ConfigIo.loadResolved(SampleEdits.sample("quickstart"))).supernetMacs() / 2;
        SearchSpaceConfig withTarget = resolvedWithAll("quickstart", "search.macsTarget", String.valueOf(target),
                "training.epochs", "3");
        assertEquals(List.of("search.macsTargetEndEpoch"), paths(ConfigValidator.validate(withTarget)));
        assertEquals(List.of(), ConfigValidator.validate(resolvedWithAll("quickstart", "search.macsTarget",
                String.valueOf(target), "search.enabled", "false", "training.epochs", "3")), "search off");
    }

    @Test
    void messagesQuoteTheActualValueAndFixesListTheAllowedNames() throws Exception {
        ValidationIssue device = quickstartIssuesWith("training.device", "\"gpus\"").get(0);
        assertEquals("'gpus' is not one of auto, cpu, gpu (did you mean 'gpu'?)", device.message());
        assertEquals("use one of auto, cpu, gpu", device.fix());

        ValidationIssue dataset = quickstartIssuesWith("data.dataset", "\"cifar\"").get(0);
        assertTrue(dataset.message().contains("did you mean 'cifar10'"), dataset.message());
        assertTrue(dataset.fix().contains("fashion-mnist, mnist, idx, cifar10, image-folder"), dataset.fix());

        ValidationIssue sparsity = quickstartIssuesWith("pruning.targetSparsity", "0.995").get(0);
        assertEquals("is 0.995, outside 0..0.99", sparsity.message());

        ValidationIssue kernel = quickstartIssuesWith("stages[0].kernelSizes", "[3, 4]").get(0);
        assertTrue(kernel.message().contains("kernel size 4"), kernel.message());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        String json = SampleEdits.edit("quickstart", "training", """
                {"epochs": 0, "batchSize": 0, "optimizer": "adam", "learningRate": -1, "momentum": 2,
                 "device": "tpu"}""");
        List<String> p = paths(ConfigValidator.validate(ConfigResolver.resolve(ConfigIo.parse(
                java.nio.file.Path.of("x.json"), json))));
        assertTrue(p.containsAll(List.of("training.epochs", "training.batchSize", "training.optimizer",
                "training.learningRate", "training.momentum", "training.device")), p.toString());
    }

    @Test
    void aCifar10ConfigMustBe3x32x32AndNameItsFolder() throws Exception {
        // The quickstart's 1x28x28 shape, now for cifar10, without a path.
        List<ValidationIssue> issues = quickstartIssuesWith("data.dataset", "\"cifar10\"");
        assertEquals(List.of("data.path", "data.channels", "data.height", "data.width"), paths(issues));
        assertEquals("is 28, but cifar10 images are 32 pixels high", issues.get(2).message());
        assertTrue(issues.get(2).fix().startsWith("set data.height to 32"), issues.get(2).fix());
    }

    @Test
    void aDatasetWithoutAFixedShapeMustGiveIt() throws Exception {
        SearchSpaceConfig idx = ConfigResolver.resolve(new SearchSpaceConfig("idx",
                new DataConfig("idx", "/data/idx", null, null, null, null, null, null, null, null),
                null, List.of(new StageConfig(8, null, null, null, null)), null, null, null, null, null));
        assertEquals(List.of("data.channels", "data.height", "data.width", "data.classes"),
                paths(ConfigValidator.validate(idx)));
    }

    @Test
    void stridesThatShrinkTheMapBelow1x1NameTheStage() throws Exception {
        // 28 -> stem 28 -> 14 -> 7 -> 4 -> 2 -> 1: the sixth stride-2 stage starts at 1x1.
        String stage = "{\"channels\": 8, \"repeats\": 1, \"stride\": 2, \"kernelSizes\": [1], \"expansionRatio\": 1}";
        List<ValidationIssue> issues = quickstartIssuesWith("stages", "[" + String.join(",",
                java.util.Collections.nCopies(6, stage)) + "]");
        assertEquals(List.of("stages[5].stride"), paths(issues));
        String message = issues.get(0).message();
        assertTrue(message.contains("already 1x1 when stage 5 starts"), message);
        assertTrue(message.contains("stage 4 1x1"), "the trace shows where it got there: " + message);
    }

    @Test
    void aKernelLargerThanItsFeatureMapSaysWhichMapAndTheLargestThatFits() throws Exception {
        // stages[1]: block 1 reads 14x14 at stride 2 (max 2*2*6+1 = 25), block 2 reads 7x7 at stride 1 (max 13).
        ValidationIssue issue = quickstartIssuesWith("stages[1].kernelSizes", "[3, 15]").get(0);
        assertEquals("stages[1].kernelSizes[1]", issue.path());
        assertTrue(issue.message().contains("the 7x7 feature map of block 2 of 2 (stride 1)"), issue.message());
        assertTrue(issue.fix().contains("up to 13"), issue.fix());
        assertEquals(List.of(), quickstartIssuesWith("stages[1].kernelSizes", "[3, 13]"));
    }

    @Test
    void largestKernelThatMeetsARealPixelWithEveryWeight() {
        assertEquals(55, ConfigValidator.maxKernel(28, 28, 1)); // padding up to 27 = side - 1
        assertEquals(7, ConfigValidator.maxKernel(4, 4, 1));
        assertEquals(13, ConfigValidator.maxKernel(7, 7, 2)); // outputs at 0, 2, 4, 6: padding up to 6
        assertEquals(5, ConfigValidator.maxKernel(3, 3, 2));
        assertEquals(1, ConfigValidator.maxKernel(2, 2, 2)); // one output at 0: a 3x3 kernel's first row sees padding
        assertEquals(1, ConfigValidator.maxKernel(1, 1, 1));
        assertEquals(7, ConfigValidator.maxKernel(28, 4, 1)); // the smaller side decides
    }

    @Test
    void aMacsTargetOutsideWhatTheSpaceCanReachNamesTheRange() throws Exception {
        NetworkSummary s = NetworkSummary.of(ConfigIo.loadResolved(SampleEdits.sample("quickstart")));
        ValidationIssue low = quickstartIssuesWith("search.macsTarget", "10").get(0);
        assertTrue(low.message().contains("below the smallest subnet"), low.message());
        String range = String.format(java.util.Locale.ROOT, "from %,d (smallest subnet) to %,d", s.smallestMacs(),
                s.supernetMacs() - 1);
        assertTrue(low.fix().contains(range), low.fix() + " should contain " + range);
        ValidationIssue high = quickstartIssuesWith("search.macsTarget", Long.toString(s.supernetMacs())).get(0);
        assertTrue(high.message().contains("not below the supernet"), high.message());
        assertEquals(List.of(), quickstartIssuesWith("search.macsTarget", Long.toString(s.smallestMacs())));
        assertEquals(List.of(), quickstartIssuesWith("search.macsTarget", Long.toString(s.supernetMacs() - 1)));
    }

    @Test
    void aMacsTargetWithTheSearchOffWouldBeIgnoredSoItIsAWarning() throws Exception {
        // A prune-only baseline swept from a config with a MACs target must still run.
        SearchSpaceConfig c = resolvedWith("quickstart", "search", "{\"enabled\": false, \"macsTarget\": 1000000}");
        assertEquals(List.of(), ConfigValidator.validate(c));
        assertEquals(List.of("search.macsTarget"), paths(ConfigValidator.warnings(c)));
    }

    @Test
    void aLearningRateRestartWithPruningOffWouldNeverHappenSoItIsAWarning() throws Exception {
        SearchSpaceConfig c = resolvedWithAll("quickstart", "pruning.enabled", "false",
                "pruning.lrRestartAtTarget", "true");
        assertEquals(List.of(), ConfigValidator.validate(c));
        assertEquals(List.of("pruning.lrRestartAtTarget"), paths(ConfigValidator.warnings(c)));
        assertEquals(List.of(), ConfigValidator.warnings(resolvedWith("quickstart", "pruning.lrRestartAtTarget",
                "true")), "with pruning on it restarts at the target");
    }

    @Test
    void distillationNeedsTheAverageAsItsTeacherAndAWeightFromZeroToOne() throws Exception {
        SearchSpaceConfig noAverage = resolvedWith("quickstart", "pruning.distillAtTarget", "0.5");
        assertEquals(false, noAverage.training().ema().enabled());
        List<ValidationIssue> issues = ConfigValidator.validate(noAverage);
        assertEquals(List.of("pruning.distillAtTarget"), paths(issues));
        assertTrue(issues.get(0).fix().contains("training.ema.enabled"), issues.get(0).fix());
        assertEquals(List.of(), ConfigValidator.validate(resolvedWithAll("quickstart", "training.ema.enabled", "true",
                "pruning.distillAtTarget", "0.5")));
        assertEquals(List.of("pruning.distillAtTarget"), paths(ConfigValidator.validate(resolvedWithAll("quickstart",
                "training.ema.enabled", "true", "pruning.distillAtTarget", "1.5"))));
        SearchSpaceConfig pruningOff = resolvedWithAll("quickstart", "training.ema.enabled", "true",
                "pruning.distillAtTarget", "0.5", "pruning.enabled", "false");
        assertEquals(List.of(), ConfigValidator.validate(pruningOff));
        assertEquals(List.of("pruning.distillAtTarget"), paths(ConfigValidator.warnings(pruningOff)));
    }

    @Test
    void aSparsityTargetTheScheduleNeverReachesSaysWhatWouldReachIt() throws Exception {
        // 6 epochs, one event every 2 epochs: 3 events of +0.1 end at 0.3, not 0.75. It runs (a shortened smoke
        // run is legitimate), so it is a warning.
        SearchSpaceConfig c = resolvedWith("quickstart", "pruning.intervalEpochs", "2");
        assertEquals(List.of(), ConfigValidator.validate(c));
        ValidationIssue issue = ConfigValidator.warnings(c).get(0);
        assertEquals("pruning.targetSparsity", issue.path());
        assertEquals("0.75 is never reached: 3 pruning events (one every 2 epochs in 6) of +0.1 end at 0.3",
                issue.message());
        assertEquals("prune every 0.75 epochs or less (8 events), raise pruning.increment to 0.25, or lower the "
                + "target to 0.3", issue.fix());
    }

    @Test
    void aCubicScheduleMustEndByTheLastEvent() throws Exception {
        SearchSpaceConfig c = resolvedWith("quickstart", "pruning", """
                {"schedule": "cubic", "intervalEpochs": 4, "cubicEndEpoch": 5}""");
        List<ValidationIssue> warnings = ConfigValidator.warnings(c);
        assertEquals(List.of("pruning.cubicEndEpoch"), paths(warnings));
        assertTrue(warnings.get(0).fix().contains("at most 4"), warnings.get(0).fix());
    }

    @Test
    void pruningOffNeedsNoReachableTarget() throws Exception {
        SearchSpaceConfig c = resolvedWith("quickstart", "pruning", "{\"enabled\": false, \"intervalEpochs\": 6}");
        assertEquals(List.of(), ConfigValidator.warnings(c));
    }

    @Test
    void notANumberIsNeverInRange() throws Exception {
        SearchSpaceConfig c = ConfigIo.loadResolved(SampleEdits.sample("quickstart"));
        SearchSpaceConfig nan = c.withTraining(c.training().withLearningRate(Double.NaN));
        assertEquals(List.of("training.learningRate"), paths(ConfigValidator.validate(nan)));
    }

    @Test
    void aHalfEditedConfigIsReportedNeverThrown() {
        SearchSpaceConfig empty = new SearchSpaceConfig(null, null, null, null, null, null, null, null, null);
        List<String> p = paths(assertDoesNotThrow(() -> ConfigValidator.validate(empty)));
        assertEquals(List.of("name", "seed", "data", "stem", "stages", "head", "network", "search", "pruning",
                "training"), p);

        SearchSpaceConfig nullStage = ConfigResolver.resolve(new SearchSpaceConfig(null, null, null,
                java.util.Arrays.asList(null, new StageConfig(null, null, null, null, null)), null, null, null, null,
                null));
        assertEquals(List.of("stages[0].channels", "stages[1].channels"), paths(ConfigValidator.validate(nullStage)));

        SearchSpaceConfig unresolved = new SearchSpaceConfig("x",
                new DataConfig(null, null, null, null, null, null, null, null, null, null),
                new StemConfig(null, null, null), java.util.Arrays.asList(new StageConfig(null, null, null,
                java.util.Arrays.asList(3, null), null), null), new HeadConfig(null),
                new SearchConfig(null, null, null, null, null, null, null, null, null),
                new PruningConfig(null, null, null, null, null, null, null, null, null, null),
                new TrainingConfig(null, null, null, null, null, null, null, null, null, null, null), 1L);
        List<ValidationIssue> issues = assertDoesNotThrow(() -> ConfigValidator.validate(unresolved));
        assertTrue(issues.size() > 30, issues.toString());
        assertTrue(paths(issues).contains("stages[0].kernelSizes[1]"), paths(issues).toString());
    }
}
