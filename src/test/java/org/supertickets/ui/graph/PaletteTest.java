package org.supertickets.ui.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Issue 30: faded and ghost nodes lacked contrast in the dark theme. Contrast as WCAG 2 defines it. */
class PaletteTest {

    private static final Palette DARK = new Palette(true);

    @Test
    void theLeastImportantNodeStaysVisibleOnTheDarkBackgroundAndItsOutlineReadsAsAShape() {
        for (NodeKind kind : NodeKind.values()) {
            Color colour = Palette.of(kind);
            Color faded = over(DARK.nodeFill(colour, 0.2), DARK.background());
            assertTrue(contrast(faded, DARK.background()) >= 1.5, kind + " faded fill: "
                    + contrast(faded, DARK.background()));
            assertTrue(contrast(DARK.nodeOutline(colour), DARK.background()) >= 3, kind + " outline: "
                    + contrast(DARK.nodeOutline(colour), DARK.background()));
            Color hatch = over(DARK.ghostHatch(colour), DARK.background());
            assertTrue(contrast(hatch, DARK.background()) >= 2, kind + " ghost hatch: "
                    + contrast(hatch, DARK.background()));
        }
    }

    @Test
    void onTheLightBackgroundTheFillKeepsItsImportanceOpacity() {
        assertTrue(Math.abs(new Palette(false).nodeFill(Palette.BLUE, 0.2).getOpacity() - 0.2) < 1e-6);
        assertTrue(DARK.nodeFill(Palette.BLUE, 0.2).getOpacity() < DARK.nodeFill(Palette.BLUE, 1).getOpacity(),
                "still fainter for less importance");
    }

    private static Color over(Color c, Color background) {
        double a = c.getOpacity();
        return Color.color(c.getRed() * a + background.getRed() * (1 - a),
                c.getGreen() * a + background.getGreen() * (1 - a), c.getBlue() * a + background.getBlue() * (1 - a));
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
