package org.supertickets.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 30 item 6: a node label with no room beside its node was left out, findable only by hovering. It now goes
 * farther out with a leader line, and is left out only when no spot on the canvas is free.
 */
@ExtendWith(ApplicationExtension.class)
class LabelPlacementTest {

    private static final GraphPainter.Transform SCREEN = new GraphPainter.Transform(1, 0, 0);
    private static final Font FONT = Font.font("System", 12);
    /** The node: 40 × 20 at (100, 100); its label's anchor is the top middle. */
    private static final Rectangle2D NODE = new Rectangle2D(100, 100, 40, 20);
    private static final GraphPainter.Label LABEL = new GraphPainter.Label(List.of("dw 5×5 · 48/96"), 120, 100, 0,
            Color.BLACK, 0);

    @Start
    void start(Stage stage) {
        // Text measurement needs the FX toolkit; no window is shown.
    }

    /** Neighbours on all four sides take every spot beside the node. */
    private static List<Rectangle2D> crowded() {
        return List.of(NODE, new Rectangle2D(40, 95, 58, 30), new Rectangle2D(142, 95, 58, 30),
                new Rectangle2D(90, 60, 60, 38), new Rectangle2D(90, 122, 60, 30));
    }

    @Test
    void aLabelWithRoomBesideItsNodeSitsThereWithoutALeaderLine() {
        Rectangle2D spot = GraphPainter.place(LABEL, LABEL.texts().get(0), FONT, SCREEN, new ArrayList<>(),
                List.of(NODE), 400, 300);
        assertNotNull(spot);
        assertTrue(spot.getMaxY() <= NODE.getMinY(), "above its node: " + spot);
        assertTrue(GraphPainter.touches(spot, NODE));
    }

    @Test
    void aCrowdedLabelGoesFartherOutOverNothingAndIsTiedBack() {
        List<Rectangle2D> boxes = crowded();
        Rectangle2D spot = GraphPainter.place(LABEL, LABEL.texts().get(0), FONT, SCREEN, new ArrayList<>(), boxes,
                400, 300);
        assertNotNull(spot, "placed, not left out");
        for (int i = 1; i < boxes.size(); i++) {
            assertFalse(boxes.get(i).intersects(spot), "over node " + i + ": " + spot);
        }
        assertFalse(GraphPainter.touches(spot, NODE), "away from its node, so a leader line ties it back");
        double gap = Math.hypot(Math.max(0, Math.max(NODE.getMinX() - spot.getMaxX(), spot.getMinX() - NODE.getMaxX())),
                Math.max(0, Math.max(NODE.getMinY() - spot.getMaxY(), spot.getMinY() - NODE.getMaxY())));
        assertTrue(gap < 4 * FONT.getSize() + 8, "still near its node: " + gap);
    }

    @Test
    void aNodeTheViewCutsGetsNoLabelFarAway() {
        // the same crowd, scrolled so that the node's box leaves the canvas at the bottom
        GraphPainter.Transform scrolled = new GraphPainter.Transform(1, 0, 95);
        List<Rectangle2D> boxes = crowded().stream().map(b -> new Rectangle2D(b.getMinX(), b.getMinY() + 95,
                b.getWidth(), b.getHeight())).toList();
        assertNull(GraphPainter.place(LABEL, LABEL.texts().get(0), FONT, scrolled, new ArrayList<>(), boxes, 400,
                210));
    }

    @Test
    void aLabelIsLeftOutOnlyWhenTheCanvasHasNoFreeSpot() {
        List<Rectangle2D> taken = new ArrayList<>(List.of(new Rectangle2D(0, 0, 400, 300)));
        assertNull(GraphPainter.place(LABEL, LABEL.texts().get(0), FONT, SCREEN, taken, crowded(), 400, 300));
        assertEquals(1, taken.size());
    }
}
