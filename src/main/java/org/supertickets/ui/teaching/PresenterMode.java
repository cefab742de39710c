package org.supertickets.ui.teaching;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Presenter mode for a projector: full screen, every font and the teaching views' strokes scaled by a factor the
 * user picks (at least 1.5×), a high-contrast palette that keeps the Okabe-Ito colours (colour-blind safe), and a
 * large explanation panel. The window applies it; this holds the choice and builds the stylesheet.
 */
public final class PresenterMode {

    /** The factors offered; the first is the default. */
    public static final List<Double> SCALES = List.of(1.5, 1.75, 2.0, 2.5);

    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", SCALES.get(0));

    /**
     * The menu's name of a factor, exact: 1.75 is "1.75×" (two significant digits made it "1.8×", a factor not
     * applied), 2.0 is "2×".
     */
    public static String label(double factor) {
        return java.math.BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString() + "×";
    }

    public BooleanProperty onProperty() {
        return on;
    }

    /** Font and stroke factor while presenting (1.5 to 2.5). */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** The factor the views use now: 1 when not presenting. */
    public double effectiveScale() {
        return on.get() ? scale.get() : 1;
    }

    /** The explanation panel's height while it explains. */
    public double explanationHeight() {
        return on.get() ? 150 * scale.get() * 1.3 : 150;
    }

    /** The stylesheet of presenter mode as a data URL (null when off), added after the theme's. */
    public String stylesheet(boolean dark) {
        if (!on.get()) {
            return null;
        }
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css(scale.get(), dark)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Every fixed font size of workbench.css times {@code s}, and a black-on-white (white-on-black) palette. */
    static String css(double s, boolean dark) {
        String bg = dark ? "#000000" : "#ffffff";
        String surface = dark ? "#0b0b0b" : "#ffffff";
        String text = dark ? "#ffffff" : "#000000";
        String muted = dark ? "#d0d0d0" : "#2b2b2b";
        // Okabe-Ito blue / sky blue: distinguishable with every common colour-vision deficiency.
        String accent = dark ? "#56B4E9" : "#0072B2";
        return String.format(Locale.ROOT, """
                .root { -st-bg: %1$s; -st-surface: %2$s; -st-text: %3$s; -st-muted: %4$s; -st-accent: %5$s;
                        -st-error: #D55E00; -fx-font-size: %6$.1fpx; }
                .label { -fx-text-fill: -st-text; }
                .section-title { -fx-font-size: %7$.1fpx; }
                .hint, .status-bar .label { -fx-font-size: %8$.1fpx; }
                .field-error, .error-title { -fx-font-size: %9$.1fpx; }
                .explanation-panel { -fx-border-color: %3$s transparent transparent transparent;
                        -fx-border-width: 3px; }
                .explanation-panel.waiting { -fx-border-color: %5$s; -fx-border-width: 4px; }
                #explanation-text { -fx-font-size: %10$.1fpx; }
                .explanation-title { -fx-font-size: %11$.1fpx; }
                .what-if-banner { -fx-font-weight: bold; }
                .preview-numbers { -fx-font-size: %12$.1fpx; }
                .ours-label, .hint-label, .legend-item, .toggle-button.chip { -fx-font-size: %8$.1fpx; }
                """, bg, surface, text, muted, accent, 12.5 * s, 13 * s, 11 * s, 11.5 * s, 14 * s, 16 * s, 12 * s);
    }
}
