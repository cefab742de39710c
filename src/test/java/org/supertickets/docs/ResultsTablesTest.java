package org.supertickets.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.supertickets.stats.SeedStatistics;

/**
 * Every table in results.md that is marked as backed by committed data shows that data's numbers (issue 35: a
 * number in a table is the CSV's number, recomputed here, so an edited cell or a rerun without updating the text
 * fails). A table is marked by a comment line right above it:
 *
 * <pre>{@code <!-- data: results/recipe rows: setting=f3a29db212af; results/other:method=dense&seed=1 -->}</pre>
 *
 * naming the folder of its {@code comparison.csv} (relative to docs/) and, for each data row in order, which runs
 * it stands for: {@code column=value} (or {@code column~=part}, the value contains it) conditions joined by
 * {@code &}, optionally after another folder and a colon.
 * Which cells are checked follows the column's header (see {@link #expected}); other columns are prose.
 */
class ResultsTablesTest {

    private static final Path DOCS = Path.of("docs");
    private static final int MIN_RUN_TABLES = 2;
    private static final Pattern MARKER = Pattern.compile("<!-- data: (\\S+) rows: (.+?)(?: metric: (\\S+))? -->");

    /** One checked table: where its marker sits, its data folder, its row keys, its header and rows. */
    private record Table(int line, String folder, List<String> keys, String metric, List<String> header,
            List<List<String>> rows) {
    }

    private static List<Table> tables() throws IOException {
        List<String> lines = Files.readAllLines(DOCS.resolve("results.md"));
        List<Table> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i).trim());
            if (!m.matches()) {
                continue;
            }
            int at = i + 1;
            assertTrue(at < lines.size() && lines.get(at).startsWith("|"),
                    "results.md line " + (i + 1) + ": a data marker must sit right above its table");
            List<String> header = cells(lines.get(at));
            List<List<String>> rows = new ArrayList<>();
            for (int r = at + 2; r < lines.size() && lines.get(r).startsWith("|"); r++) {
                rows.add(cells(lines.get(r)));
            }
            List<String> keys = List.of(m.group(2).trim().split("\\s*;\\s*"));
            out.add(new Table(i + 1, m.group(1), keys, m.group(3) == null ? "test_accuracy" : m.group(3), header,
                    rows));
        }
        return out;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.trim().split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells.subList(1, cells.size() - 1);
    }

    /** The rows of a committed comparison.csv, as column name to value (the CSVs written here have no quoting). */
    private static List<Map<String, String>> csv(String folder) throws IOException {
        List<String> lines = Files.readAllLines(DOCS.resolve(folder).resolve("comparison.csv"));
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], c < f.length ? f[c] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** The runs a row key names, ordered by seed. */
    private static List<Map<String, String>> runs(String defaultFolder, String key) throws IOException {
        String folder = defaultFolder;
        String conditions = key;
        int colon = key.indexOf(':');
        if (colon >= 0) {
            folder = key.substring(0, colon);
            conditions = key.substring(colon + 1);
        }
        List<Map<String, String>> rows = csv(folder);
        for (String condition : conditions.split("&")) {
            boolean contains = condition.contains("~=");
            String[] kv = condition.split(contains ? "~=" : "=", 2);
            rows = rows.stream().filter(r -> contains ? r.get(kv[0]).contains(kv[1]) : kv[1].equals(r.get(kv[0])))
                    .collect(Collectors.toList());
        }
        rows.sort(Comparator.comparingLong(r -> Long.parseLong(r.get("seed"))));
        assertFalse(rows.isEmpty(), "no runs in " + folder + " match '" + conditions + "'");
        return rows;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /**
     * What a cell under {@code header} must read for these values (per seed, in seed order), or null where the
     * column is not one the check knows.
     */
    static String expected(String header, double[] values) {
        SeedStatistics s = values.length > 1 ? SeedStatistics.of(values) : null;
        List<String> perSeed4 = new ArrayList<>();
        List<String> perSeed3 = new ArrayList<>();
        for (double v : values) {
            perSeed4.add(f("%.4f", v));
            perSeed3.add(f("%.3f", v));
        }
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "seeds" -> Integer.toString(values.length);
            case "test accuracy per seed", "validation accuracy per seed", "miou per seed" ->
                String.join(", ", perSeed4);
            case "mean", "test accuracy (mean)", "validation accuracy (mean)" -> f("%.4f", mean);
            case "sd" -> s == null ? "–" : f("%.4f", s.sd());
            case "95 % ci" -> s == null ? "–" : f("%.4f–%.4f", s.low(), s.high());
            case "test accuracy (mean; seeds)" -> f("%.3f (%s)", mean, String.join(", ", perSeed3));
            case "test accuracy (mean, 95 % ci)", "validation accuracy (mean, 95 % ci)" ->
                f("%.3f (%.3f–%.3f)", mean, s.low(), s.high());
            default -> null;
        };
    }

    /** A cell as written, without the bold that marks a result. */
    private static String plain(String cell) {
        return cell.replace("**", "").trim();
    }

    @Test
    void everyMarkedTableShowsItsCommittedData() throws IOException {
        List<Table> tables = tables();
        assertTrue(tables.size() >= 5, "results.md marks its data-backed tables; found " + tables.size());
        List<String> wrong = new ArrayList<>();
        for (Table t : tables) {
            assertEquals(t.keys().size(), t.rows().size(),
                    "results.md line " + t.line() + ": one key per table row (" + t.rows().size() + " rows)");
            int checked = 0;
            for (int r = 0; r < t.rows().size(); r++) {
                List<String> row = t.rows().get(r);
                List<Map<String, String>> runs = runs(t.folder(), t.keys().get(r));
                for (int c = 0; c < t.header().size(); c++) {
                    String metric = t.header().get(c).toLowerCase(Locale.ROOT).startsWith("validation")
                            ? "validation_accuracy" : t.metric();
                    double[] values = runs.stream().mapToDouble(run -> Double.parseDouble(run.get(metric)))
                            .toArray();
                    String want = expected(t.header().get(c), values);
                    if (want != null) {
                        if (!want.equals(plain(row.get(c)))) {
                            wrong.add("results.md line " + t.line() + ", row '" + row.get(0) + "', column '"
                                    + t.header().get(c) + "': the data say " + want + ", the table " + row.get(c));
                        }
                        checked++;
                    }
                }
            }
            assertTrue(checked > 0, "results.md line " + t.line() + ": no column the check knows");
        }
        assertEquals(List.of(), wrong, "cells that are not their committed data's numbers");
    }

    /**
     * A table marked {@code <!-- csv: results/x/y.csv -->} is that CSV written out (header and rows, cell by cell;
     * the event-by-event tables of one run, written by src/scripts/run_tables.py).
     */
    @Test
    void everyTableMarkedAsACsvIsThatCsv() throws IOException {
        List<String> lines = Files.readAllLines(DOCS.resolve("results.md"));
        int tables = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = Pattern.compile("<!-- csv: (\\S+) -->").matcher(lines.get(i).trim());
            if (!m.matches()) {
                continue;
            }
            List<List<String>> table = new ArrayList<>();
            for (int r = i + 1; r < lines.size() && lines.get(r).startsWith("|"); r++) {
                if (r != i + 2) {
                    table.add(cells(lines.get(r)).stream().map(ResultsTablesTest::plain).toList());
                }
            }
            List<List<String>> data = new ArrayList<>();
            for (String row : Files.readAllLines(DOCS.resolve(m.group(1)))) {
                data.add(List.of(row.split(",", -1)));
            }
            assertEquals(data, table, "results.md line " + (i + 1) + " is not " + m.group(1));
            tables++;
        }
        assertTrue(tables >= MIN_RUN_TABLES,
                "results.md shows one run's evaluations and pruning events from their CSVs");
    }

    @Test
    void theCheckReadsEachKnownColumnAsResultsMdWritesIt() {
        double[] seeds = {0.9184, 0.9165, 0.9172};
        assertEquals("3", expected("seeds", seeds));
        assertEquals("0.9184, 0.9165, 0.9172", expected("test accuracy per seed", seeds));
        assertEquals("0.9174", expected("mean", seeds));
        assertEquals("0.0010", expected("sd", seeds));
        assertEquals("0.9150–0.9198", expected("95 % CI", seeds));
        assertEquals("0.893 (0.893, 0.892)", expected("test accuracy (mean; seeds)", new double[] {0.8932, 0.8922}));
        assertEquals(null, expected("MACs", seeds));
    }
}
