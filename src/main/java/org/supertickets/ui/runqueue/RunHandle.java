package org.supertickets.ui.runqueue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainingControl;

/** A run this process trains: where it writes, how to steer it, and when it ends. */
public interface RunHandle {

    Path folder();

    TrainingControl control();

    CompletableFuture<RunFinished> completion();
}
