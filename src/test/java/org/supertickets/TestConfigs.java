package org.supertickets;

import java.util.List;
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
