package org.supertickets.ui.graph;

import javafx.scene.paint.Color;

/**
 * Colours with one meaning everywhere: node kinds in the Okabe-Ito palette (distinguishable with every
 * common colour-vision deficiency), and the theme's background and text.
 */
public final class Palette {

    public static final Color ORANGE = Color.web("#E69F00");
    public static final Color SKY_BLUE = Color.web("#56B4E9");
    public static final Color BLUISH_GREEN = Color.web("#009E73");
    public static final Color YELLOW = Color.web("#F0E442");
    public static final Color BLUE = Color.web("#0072B2");
    public static final Color VERMILLION = Color.web("#D55E00");
    public static final Color REDDISH_PURPLE = Color.web("#CC79A7");
    public static final Color GREY = Color.web("#999999");
    /** What differs between two tickets (always drawn with a dashed outline and a "Δ" badge as well). */
    public static final Color CHANGED = VERMILLION;

    private final boolean dark;

    public Palette(boolean dark) {
        this.dark = dark;
    }

    public boolean dark() {
        return dark;
    }

    public static Color of(NodeKind kind) {
        return switch (kind) {
            case INPUT, ADD, DECODER_JOIN -> GREY;
            case STEM -> ORANGE;
            case EXPAND -> SKY_BLUE;
            case DEPTHWISE -> BLUISH_GREEN;
            case PROJECT -> BLUE;
            // a skip projection, in a block or in the decoder: one colour for one meaning
            case SKIP, DECODER -> REDDISH_PURPLE;
            case HEAD -> VERMILLION;
            case CLASSIFIER -> YELLOW;
        };
    }

    public Color background() {
        return dark ? Color.web("#1f2227") : Color.web("#fbfbfc");
    }

    public Color text() {
        return dark ? Color.web("#e6e6e6") : Color.web("#1a1a1a");
    }

    public Color muted() {
        return dark ? Color.web("#8a9099") : Color.web("#7a7f87");
    }

    public Color edge() {
        return dark ? Color.web("#b9c0ca") : Color.web("#4a4f57");
    }

    /**
     * A node's fill at an importance opacity (0.2 to 1). On the dark background a faint fill vanishes, so there the
     * opacities are lifted to 0.45 to 1: low importance still reads as faded, but as a shape.
     */
    public Color nodeFill(Color kind, double opacity) {
        return kind.deriveColor(0, 1, 1, dark ? 0.45 + 0.55 * (opacity - 0.2) / 0.8 : opacity);
    }

    /** A node's outline: darker than its kind on the light background, brighter on the dark one. */
    public Color nodeOutline(Color kind) {
        return dark ? kind.brighter() : kind.darker();
    }

    /** The fill and the hatch of what the search removed, stronger on the dark background. */
    public Color ghostFill(Color kind) {
        return kind.deriveColor(0, 0.35, 1, dark ? 0.3 : 0.18);
    }

    public Color ghostHatch(Color kind) {
        return dark ? kind.deriveColor(0, 1, 1.1, 0.85) : kind.deriveColor(0, 1, 0.85, 0.55);
    }

    /** The highlight of a selected node. */
    public Color selection() {
        return dark ? Color.WHITE : Color.BLACK;
    }
}
