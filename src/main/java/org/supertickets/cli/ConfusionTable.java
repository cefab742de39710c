package org.supertickets.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.supertickets.train.ConfusedPair;
import org.supertickets.train.ConfusionMatrix;

/**
 * A confusion matrix as terminal lines: a header of predicted class indices, then one row per true class with its
 * index and name, the counts right-aligned; the most-confused pairs in words with their test images below.
 */
final class ConfusionTable {

    private ConfusionTable() {
    }

    /**
     * @param matrix       the counts
     * @param names        a name per class index
     * @param mostConfused the recorded pairs with their images; null when none were recorded
     * @param indent       put before every line
     */
    static List<String> lines(ConfusionMatrix matrix, List<String> names, List<ConfusedPair> mostConfused,
            String indent) {
        int n = matrix.classes();
        int width = String.valueOf(n - 1).length();
        int nameWidth = 0;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                width = Math.max(width, String.valueOf(matrix.count(t, p)).length());
            }
            nameWidth = Math.max(nameWidth, label(t, names).length());
        }
        String cell = "%" + (width + 2) + "s";
        List<String> out = new ArrayList<>();
        StringBuilder header = new StringBuilder(indent).append(" ".repeat(nameWidth));
        for (int p = 0; p < n; p++) {
            header.append(String.format(Locale.ROOT, cell, p));
        }
        out.add(header.toString());
        for (int t = 0; t < n; t++) {
            StringBuilder row = new StringBuilder(indent).append(String.format(Locale.ROOT, "%-" + nameWidth + "s",
                    label(t, names)));
            for (int p = 0; p < n; p++) {
                row.append(String.format(Locale.ROOT, cell, matrix.count(t, p)));
            }
            out.add(row.toString());
        }
        if (mostConfused != null && !mostConfused.isEmpty()) {
            out.add(indent + "most confused (with the first test images, by index in the test split):");
            for (ConfusedPair pair : mostConfused) {
                out.add(indent + "  " + pair.cell().describe(names) + ": " + java.util.Arrays.stream(
                        pair.testIndices()).mapToObj(String::valueOf).collect(Collectors.joining(", ")));
            }
        } else if (mostConfused != null) {
            out.add(indent + "every test image was classified right");
        }
        return out;
    }

    private static String label(int c, List<String> names) {
        return c + " " + names.get(c);
    }
}
