package org.supertickets.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.supertickets.stats.SeedStatistics;

/**
 * The numbers in results.md's segmentation tables are the committed CSVs' numbers: each mean and 95 % interval is
 * recomputed here from the per-seed rows of {@code docs/results/segmentation/.../comparison.csv} (issue 35 asks for
 * this check; an edited table or a rerun without updating the text fails it).
 */
class SegmentationResultsTest {

    private static final Path DATA = Path.of("docs/results/segmentation");

    /** One run of a comparison.csv: its name, method and the two mIoU columns. */
    private record Row(String run, String method, double meanIou, double objectsIou) {
    }

    private static List<Row> rows(String folder) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve(folder).resolve("comparison.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int iou = header.indexOf("test_mean_iou");
        int objects = header.indexOf("test_mean_iou_without_background");
        List<Row> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new Row(f[0], f[1], Double.parseDouble(f[iou]), Double.parseDouble(f[objects])));
        }
        return out;
    }

    /** "0.279 (0.250–0.308)" from the seeds of one setting, as results.md writes it. */
    private static String meanAndInterval(List<Row> rows, Predicate<Row> setting) {
        double[] iou = rows.stream().filter(setting).mapToDouble(Row::meanIou).toArray();
        assertEquals(3, iou.length, "three seeds per point");
        SeedStatistics s = SeedStatistics.of(iou);
        return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", s.mean(), s.low(), s.high());
    }

    private static String objects(List<Row> rows, Predicate<Row> setting) {
        return String.format(Locale.ROOT, "%.3f", rows.stream().filter(setting).mapToDouble(Row::objectsIou)
                .average().orElseThrow());
    }

    /** The cells of the table row whose first cell starts with {@code label}, in the section after {@code heading}. */
    private static List<String> tableRow(String heading, String label) throws IOException {
        String text = Files.readString(Path.of("docs/results.md"));
        int from = text.indexOf(heading);
        assertTrue(from >= 0, "results.md has no '" + heading + "'");
        for (String line : text.substring(from).split("\n")) {
            if (line.startsWith("| " + label)) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.split("\\|")) {
                    cells.add(cell.trim());
                }
                return cells.subList(1, cells.size());
            }
        }
        throw new AssertionError("no row '" + label + "' after '" + heading + "'");
    }

    private static Predicate<Row> method(String name) {
        return r -> r.method().equals(name);
    }

    @Test
    void theDirectTableIsTheDirectRunsCsv() throws IOException {
        List<Row> direct = rows("direct");
        String heading = "**Directly on segmentation, 90 % weight sparsity**";
        String[][] table = {{"dense supernet", "dense"}, {"NAS only", "nas-only"}, {"pruning only", "prune-only"},
            {"SuperTicket", "supertickets"}};
        for (String[] row : table) {
            List<String> cells = tableRow(heading, row[0]);
            assertEquals(meanAndInterval(direct, method(row[1])), cells.get(1), row[0]);
            assertEquals(objects(direct, method(row[1])), cells.get(2), row[0] + ", objects only");
        }
    }

    @Test
    void theTransferTableIsTheTransferRunsCsvs() throws IOException {
        String heading = "| start of the transfer |";
        List<Row> at90 = rows("transfer-90");
        List<Row> at75 = rows("transfer-75");
        String[][] table = {{"the ticket's trained weights", "transfer"}, {"(a) same architecture and masks, random",
            "transfer-random"}, {"(b) same architecture and masks, rewound", "transfer-rewound"},
            {"(c) the dense supernet's body", "transfer-dense-body"}};
        for (String[] row : table) {
            List<String> cells = tableRow(heading, row[0]);
            assertEquals(meanAndInterval(at90, method(row[1])), cells.get(1), row[0] + " from the 90 % ticket");
            assertEquals(meanAndInterval(at75, method(row[1])), cells.get(2), row[0] + " from the 75 % ticket");
        }
        List<String> direct = tableRow(heading, "(d) the ticket drawn directly");
        assertEquals(meanAndInterval(rows("direct"), method("supertickets")), direct.get(1));
        assertEquals(meanAndInterval(rows("direct-variants"), r -> r.run().startsWith("seg-science-targetSparsity")),
                direct.get(2));
    }
}
