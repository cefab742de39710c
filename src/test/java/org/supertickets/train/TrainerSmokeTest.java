package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supertickets.model.NetworkState;
import org.supertickets.space.*;

class TrainerSmokeTest {

    static SearchSpaceConfig tinyConfig() {
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

    @Test
    void runsAndLearns() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override public void onEvent(TrainingEvent e) { events.add(e); System.out.println(e.type() + " " + brief(e)); }
            @Override public void onTicket(NetworkState t, RunFinished s) { }
        };
        TwoInOneTrainer trainer = new TwoInOneTrainer(tinyConfig(), "hash", new SyntheticData(256, 4, 12, 3),
                Device.cpu(), listener, new TrainingControl(), CheckpointStore.NONE);
        RunFinished f = trainer.run();
        assertEquals(RunFinished.Outcome.COMPLETED, f.outcome(), f.message());
    }

    static String brief(TrainingEvent e) {
        if (e instanceof ConnectivitySnapshot s) return s.reason() + " layers=" + s.layers().size();
        return e.toString().length() > 300 ? e.toString().substring(0, 300) : e.toString();
    }
}
