package org.supertickets.train;

import java.io.IOException;

/** Where the trainer saves the state it can resume from. */
public interface CheckpointStore {

    void save(TrainerCheckpoint checkpoint) throws IOException;

    /** A store that keeps nothing (benchmarks, tests). */
    CheckpointStore NONE = checkpoint -> { };
}
