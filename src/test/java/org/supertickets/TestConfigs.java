package org.supertickets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.DataConfig;
import org.supertickets.space.HeadConfig;
import org.supertickets.space.PruningConfig;
import org.supertickets.space.SearchConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.StageConfig;
import org.supertickets.space.StemConfig;
import org.supertickets.space.TrainingConfig;

/** Small configs shared by tests. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** A 12x12 synthetic-data supernet of two blocks (kernels 3 and 5) that trains in seconds. */
    public static SearchSpaceConfig tinySynthetic() {
        return new SearchSpaceConfig("tiny",
                new DataConfig("synthetic", null, 1, 12, 12, 4, 0.0, 0, 0, false),
                new StemConfig(4, 3, 1),
                List.of(new StageConfig(8, 1, 2, List.of(3, 5), 2), new StageConfig(8, 1, 1, List.of(3, 5), 2)),
                new HeadConfig(16),
                new SearchConfig(true, 0.05, 0.5, 1e-3, 0L, 1.0, 2, 0L, 3.0),
                new PruningConfig(true, 0.6, 1.0, "staircase", 0.2, 3.0, true, false, false, false),
                new TrainingConfig(4, 16, "sgd", 0.05, 0.9, 1e-4, "cosine", 0.0, 0.0, 32, "cpu"),
                7L);
    }

    /**
     * The segmentation demo made tiny: 32 x 32 canvases, 96 for training and 24 for testing, one epoch of a few
     * steps with an evaluation and a pruning event every half epoch, 2 BN re-estimation batches.
     */
    public static SearchSpaceConfig tinySegmentation() {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            Path sample = Path.of("sample-configs/segmentation-demo.json");
            ObjectNode config = (ObjectNode) json.readTree(sample.toFile());
            ((ObjectNode) config.get("data")).put("height", 32).put("width", 32).put("trainLimit", 96)
                    .put("testLimit", 24);
            ((ObjectNode) config.get("training")).put("epochs", 1).put("batchSize", 16).put("evalBatchSize", 24);
            ((ObjectNode) config.get("pruning")).put("intervalEpochs", 0.5).put("targetSparsity", 0.2)
                    .put("cubicEndEpoch", 0.65);
            ((ObjectNode) config.get("search")).put("evalIntervalEpochs", 0.5).put("rhoWarmupEpochs", 0.1)
                    .put("macsTargetEndEpoch", 0.6).put("bnRecalibrationBatches", 2);
            return ConfigIo.parseResolved(sample, json.writeValueAsString(config));
        } catch (java.io.IOException | ConfigException e) {
            throw new IllegalStateException("the segmentation demo config no longer parses", e);
        }
    }

    /** A tiny supernet on a subset of the embedded Fashion-MNIST. */
    public static SearchSpaceConfig tinyFashionMnist() {
        return ConfigResolver.resolve(new SearchSpaceConfig("tiny-fmnist",
                new DataConfig("fashion-mnist", null, 1, 28, 28, 10, 0.1, 1200, 500, false),
                new StemConfig(6, 3, 2),
                List.of(new StageConfig(12, 1, 2, List.of(3, 5), 2), new StageConfig(16, 1, 2, List.of(3, 5), 2)),
                new HeadConfig(32),
                new SearchConfig(true, 0.03, 0.5, 1e-3, 0L, 1.0, 3, 0L, 2.0),
                new PruningConfig(true, 0.5, 1.0, "staircase", 0.2, 3.0, true, false, false, false),
                new TrainingConfig(4, 32, "sgd", 0.1, 0.9, 4e-5, "cosine", 0.0, 0.0, 250, "cpu"),
                11L));
    }
}
