package org.supertickets.ui.predictions;

import java.util.List;
import org.supertickets.train.ConfusionMatrix;

/**
 * What the Predictions view draws of one classification evaluation: its confusion matrix with the class names, the
 * lines around it, and which cell is the most confused. Immutable; built by {@link ConfusionViewModel}.
 *
 * @param step     steps done at the evaluation
 * @param title    which evaluation, e.g. {@code Evaluation at step 120 · epoch 1.50 · validation set}
 * @param detail   following or at the cursor, which of how many, how to read the grid
 * @param names    a name per class index
 * @param matrix   the counts, row = true class
 * @param summary  the accuracy and the most confused pair in words
 * @param worst    the fullest off-diagonal cell, outlined in the grid; null when every image was right
 */
public record ConfusionFrame(long step, String title, String detail, List<String> names, ConfusionMatrix matrix,
        String summary, ConfusionMatrix.Cell worst) {

    public ConfusionFrame {
        names = List.copyOf(names);
    }

    /** The tooltip of a cell: what it counts, in words and as a share of its row. */
    public String describe(int trueClass, int predicted) {
        int count = matrix.count(trueClass, predicted);
        long row = matrix.rowTotal(trueClass);
        String what = trueClass == predicted
                ? names.get(trueClass) + " classified right " + count + (count == 1 ? " time" : " times")
                : new ConfusionMatrix.Cell(trueClass, predicted, count).describe(names);
        return row == 0 ? what + " (no " + names.get(trueClass) + " image evaluated)"
                : String.format(java.util.Locale.ROOT, "%s: %.1f %% of the %,d %s images", what, 100.0 * count / row,
                row, names.get(trueClass));
    }
}
