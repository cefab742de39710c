package org.supertickets.cli;

import java.util.Map;
import org.supertickets.space.Task;

/** Which dataset {@code transfer} moves a ticket to, from its {@code --data} and {@code --task}. */
final class TransferTarget {

    /** The same images for the other task: the canvases are composed from the shipped digit and clothing sets. */
    private static final Map<String, String> SAME_IMAGES_OTHER_TASK = Map.of(
            "fashion-mnist", "fashion-mnist-canvas", "fashion-mnist-canvas", "fashion-mnist",
            "mnist", "mnist-canvas", "mnist-canvas", "mnist");

    private TransferTarget() {
    }

    /**
     * The target dataset.
     *
     * @param data          {@code --data}, or null
     * @param task          {@code --task}, or null
     * @param sourceDataset the dataset the ticket was drawn on
     * @throws IllegalArgumentException naming the option and the fix when the two disagree or neither is given
     */
    static String dataset(String data, String task, String sourceDataset) {
        if (task == null) {
            if (data == null) {
                throw new IllegalArgumentException("transfer needs a target. Fix: give --data DATASET (another "
                        + "dataset) or --task classification|segmentation (the other task)");
            }
            return data;
        }
        Task wanted = parse(task);
        if (data != null) {
            if (Task.labelledBy(data) != wanted) {
                throw new IllegalArgumentException("--task " + task + " does not fit --data " + data + ", which is "
                        + "labelled for " + Task.labelledBy(data).configName() + ". Fix: leave out --task, or give a "
                        + wanted.configName() + " dataset");
            }
            return data;
        }
        if (Task.labelledBy(sourceDataset) == wanted) {
            throw new IllegalArgumentException("the ticket was drawn for " + wanted.configName() + " already. Fix: "
                    + "give --data DATASET to move it to another dataset of that task");
        }
        String other = SAME_IMAGES_OTHER_TASK.get(sourceDataset);
        if (other == null) {
            throw new IllegalArgumentException("the ticket was drawn on '" + sourceDataset + "', which has no "
                    + wanted.configName() + " counterpart built in. Fix: give --data DATASET too");
        }
        return other;
    }

    private static Task parse(String task) {
        if (!Task.NAMES.contains(task)) {
            throw new IllegalArgumentException("--task '" + task + "' is not a task. Fix: use one of "
                    + String.join(", ", Task.NAMES));
        }
        return Task.fromConfig(task);
    }
}
