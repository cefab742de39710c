package org.supertickets.ui.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One monitor chart as data: its axes and series. The view turns it into a JFreeChart. */
public final class ChartModel {

    private final String id;
    private String title;
    private final String xLabel;
    private String yLabel;
    private final List<SeriesModel> series = new ArrayList<>();
    private boolean share;

    public ChartModel(String id, String title, String xLabel, String yLabel) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Marks the values as shares in [0, 1] (accuracy, sparsity): the y axis never pads past them. */
    ChartModel asShare() {
        share = true;
        return this;
    }

    public boolean isShare() {
        return share;
    }

    /** Titles the chart anew (the accuracy chart of a segmentation run plots pixel accuracy and mean IoU). */
    void retitle(String newTitle, String newYLabel) {
        title = newTitle;
        yLabel = newYLabel;
    }

    SeriesModel add(String name, SeriesModel.Style style) {
        SeriesModel s = new SeriesModel(name, style);
        series.add(s);
        return s;
    }

    /** A short name for files, e.g. {@code accuracy}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    public List<SeriesModel> series() {
        return List.copyOf(series);
    }

    public boolean isEmpty() {
        return series.stream().allMatch(s -> s.size() == 0);
    }

    void clear() {
        series.forEach(SeriesModel::clear);
    }

    /** Every point of every series (not downsampled): {@code series,x,y} rows with a header. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append("series,").append(csv(xLabel)).append(',').append(csv(yLabel)).append('\n');
        for (SeriesModel s : series) {
            for (int i = 0; i < s.size(); i++) {
                sb.append(csv(s.name())).append(',').append(number(s.x(i))).append(',').append(number(s.y(i)))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.8g", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
