package org.supertickets.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.Objects;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.plot.ValueAxisPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

/**
 * A number axis that stays readable when its data is a single point or flat: JFreeChart's own axis then spans
 * a few billionths around the value and labels every tick the same ({@code 1.328125E-1} ten times). This one
 * spans at least a share of the value's magnitude (never crossing zero when the data does not, never leaving
 * its natural bounds), and picks a tick unit coarse enough that neighbouring labels differ in its format.
 */
public final class ReadableNumberAxis extends NumberAxis {

    /** The narrowest auto range as a share of the largest |value| (so ~10 distinct ticks in 2–3 digits). */
    public static final double MIN_RELATIVE_SPAN = 0.2;
    /** At most this many tick intervals on the axis. */
    static final int MAX_TICKS = 10;

    private final double minAbsoluteSpan;
    private Range bounds;

    /** An axis whose flat-at-zero range spans 1 (a share, an epoch). */
    public ReadableNumberAxis(String label) {
        this(label, 1);
    }

    /**
     * @param minAbsoluteSpan the span shown when every value is 0
     */
    public ReadableNumberAxis(String label, double minAbsoluteSpan) {
        super(label);
        if (!(minAbsoluteSpan > 0)) {
            throw new IllegalArgumentException("minAbsoluteSpan must be positive: " + minAbsoluteSpan);
        }
        this.minAbsoluteSpan = minAbsoluteSpan;
    }

    /** An axis with a number format (set before the chart is drawn). */
    public static ReadableNumberAxis of(String label, NumberFormat format) {
        ReadableNumberAxis axis = new ReadableNumberAxis(label);
        axis.setNumberFormatOverride(Objects.requireNonNull(format));
        return axis;
    }

    /**
     * Values the quantity cannot leave (a share: 0 and 1); a widened range is shifted, then clipped, to stay
     * inside. Null = unbounded.
     */
    public ReadableNumberAxis setNaturalBounds(Range bounds) {
        this.bounds = bounds;
        if (isAutoRange()) {
            autoAdjustRange();
        }
        return this;
    }

    @Override
    protected void autoAdjustRange() {
        super.autoAdjustRange();
        if (!(getPlot() instanceof ValueAxisPlot plot) || !isAutoRange()) {
            return;
        }
        Range data = plot.getDataRange(this);
        if (data == null || Double.isNaN(data.getLength())) {
            return;
        }
        double lower = data.getLowerBound();
        double upper = data.getUpperBound();
        double magnitude = Math.max(Math.abs(lower), Math.abs(upper));
        double span = magnitude < 1e-12 ? minAbsoluteSpan : magnitude * MIN_RELATIVE_SPAN;
        if (upper - lower >= span) {
            return;
        }
        double centre = (lower + upper) / 2;
        double newLower = centre - span / 2;
        double newUpper = centre + span / 2;
        // A non-negative quantity (MACs, loss, a share) should not get negative ticks just for padding.
        if (lower >= 0 && newLower < 0) {
            newUpper -= newLower;
            newLower = 0;
        } else if (upper <= 0 && newUpper > 0) {
            newLower -= newUpper;
            newUpper = 0;
        }
        if (bounds != null) {
            if (newUpper > bounds.getUpperBound()) {
                newLower -= newUpper - bounds.getUpperBound();
                newUpper = bounds.getUpperBound();
            }
            if (newLower < bounds.getLowerBound()) {
                newUpper += bounds.getLowerBound() - newLower;
                newLower = bounds.getLowerBound();
            }
            newUpper = Math.min(newUpper, bounds.getUpperBound());
        }
        if (newUpper > newLower) {
            setRange(new Range(newLower, newUpper), false, false);
        }
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        TickUnitSource units = getStandardTickUnits();
        TickUnit unit = getTickUnit();
        for (int guard = 0; guard < 60 && units != null && (!labelsDiffer(unit) || tooMany(unit)); guard++) {
            TickUnit larger = units.getLargerTickUnit(unit);
            if (larger == null || larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        if (unit != getTickUnit() && unit instanceof NumberTickUnit n) {
            setTickUnit(n, false, false);
        }
    }

    /**
     * Whether ticks of this size are more than a reader takes in: JFreeChart fills a tall axis with every unit whose
     * labels fit (16 to 32 ticks on a one-run comparison's accuracy axis).
     */
    private boolean tooMany(TickUnit unit) {
        return getRange().getLength() / unit.getSize() > MAX_TICKS;
    }

    /** Whether neighbouring ticks of this size get different labels in the axis's format. */
    boolean labelsDiffer(TickUnit unit) {
        double size = unit.getSize();
        Range r = getRange();
        double first = Math.ceil(r.getLowerBound() / size) * size;
        String previous = null;
        int count = 0;
        for (double v = first; v <= r.getUpperBound() + size * 1e-9 && count < 400; v = first + ++count * size) {
            String label = label(v, unit);
            if (label.equals(previous)) {
                return false;
            }
            previous = label;
        }
        return true;
    }

    private String label(double value, TickUnit unit) {
        NumberFormat format = getNumberFormatOverride();
        return format != null ? format.format(value) : unit.valueToString(value);
    }
}
