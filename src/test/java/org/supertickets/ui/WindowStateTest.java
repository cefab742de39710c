package org.supertickets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowStateTest {

    private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1280, 720);

    @Test
    void aSizeSavedOnALargeScreenShrinksToTheProjector() {
        Rectangle2D r = WindowState.fitInto(Double.NaN, Double.NaN, 1500, 950, PROJECTOR);
        assertEquals(new Rectangle2D(0, 0, 1280, 720), r);
    }

    @Test
    void aWindowHangingOffTheRightEdgeMovesBackOnScreen() {
        Rectangle2D r = WindowState.fitInto(900, 100, 800, 500, PROJECTOR);
        assertEquals(new Rectangle2D(480, 100, 800, 500), r);
    }

    @Test
    void aSmallWindowWithoutASavedPlaceIsCentred() {
        Rectangle2D r = WindowState.fitInto(Double.NaN, Double.NaN, 1000, 600, PROJECTOR);
        assertEquals(new Rectangle2D(140, 60, 1000, 600), r);
    }
}
