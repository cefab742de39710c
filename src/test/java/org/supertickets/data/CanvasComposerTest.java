package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CanvasComposerTest {

    private static final CanvasSpec TWO_TO_FOUR = new CanvasSpec(2, 4, 0.2f, 1, 1);

    /** {@code count} 4x4 grey images: image i is filled with {@code value(i)} and has label {@code i % classes}. */
    static ImageDataset solid(String name, int count, int classes, float... values) {
        float[] pixels = new float[count * 16];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            Arrays.fill(pixels, i * 16, (i + 1) * 16, values[i % values.length]);
            labels[i] = i % classes;
        }
        return new ImageDataset(name, 1, 4, 4, classes, pixels, labels);
    }

    /** 4x4 images of label {@code i % 3}: a ring of 1.0 around a centre at or below the threshold. */
    private static ImageDataset rings(int count, float centre) {
        float[] pixels = new float[count * 16];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            Arrays.fill(pixels, i * 16, (i + 1) * 16, 1f);
            for (int k : new int[] {5, 6, 9, 10}) {
                pixels[i * 16 + k] = centre;
            }
            labels[i] = i % 3;
        }
        return new ImageDataset("rings", 1, 4, 4, 3, pixels, labels);
    }

    @Test
    void aCanvasIsAPureFunctionOfSeedAndIndex() {
        ImageDataset source = rings(30, 0.1f);
        CanvasComposer composer = new CanvasComposer(TWO_TO_FOUR, 12, 10);
        SegmentationDataset a = composer.compose(source, 50, 7, "a");
        SegmentationDataset b = composer.compose(source, 50, 7, "b");
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.masks(), b.masks());
        SegmentationDataset other = composer.compose(source, 50, 8, "c");
        assertFalse(Arrays.equals(a.masks(), other.masks()), "another seed, other canvases");
        SegmentationDataset prefix = composer.compose(source, 20, 7, "d");
        assertArrayEquals(Arrays.copyOf(a.masks(), 20 * 120), prefix.masks(), "canvas i does not depend on the count");
        assertEquals(4, a.classes(), "source classes + background");
        assertEquals(50, a.size());
    }

    @Test
    void objectsCountAndPlacesStayInsideTheSpec() {
        ImageDataset source = rings(30, 0.1f);
        CanvasComposer composer = new CanvasComposer(TWO_TO_FOUR, 12, 10);
        int[] seen = new int[5];
        for (int i = 0; i < 300; i++) {
            CanvasComposer.Placement[] objects = composer.placements(3, i, source);
            seen[objects.length]++;
            for (CanvasComposer.Placement p : objects) {
                assertTrue(p.top() >= 0 && p.top() + 4 <= 12 && p.left() >= 0 && p.left() + 4 <= 10, p.toString());
            }
        }
        assertEquals(0, seen[0] + seen[1]);
        assertTrue(seen[2] > 50 && seen[3] > 50 && seen[4] > 50, Arrays.toString(seen));
    }

    @Test
    void labelsAreClassPlusOneOnObjectsAndZeroOnBlackBackground() {
        ImageDataset source = rings(9, 0.1f);
        CanvasComposer composer = new CanvasComposer(new CanvasSpec(1, 1, 0.2f, 1, 1), 9, 9);
        SegmentationDataset canvases = composer.compose(source, 40, 1, "one");
        for (int i = 0; i < canvases.size(); i++) {
            CanvasComposer.Placement object = composer.placements(1, i, source)[0];
            int label = source.labels()[object.source()] + 1;
            int[] mask = canvases.mask(i);
            float[] image = canvases.image(i);
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 9; x++) {
                    int dy = y - object.top();
                    int dx = x - object.left();
                    boolean inside = dy >= 0 && dy < 4 && dx >= 0 && dx < 4;
                    boolean centre = inside && (dy == 1 || dy == 2) && (dx == 1 || dx == 2);
                    boolean object1 = inside && !centre;
                    assertEquals(object1 ? label : 0, mask[y * 9 + x], "canvas " + i + " at " + x + "," + y);
                    assertEquals(object1 ? 1f : 0f, image[y * 9 + x], "the sub-threshold centre stays black");
                }
            }
        }
    }

    @Test
    void theThresholdIsStrict() {
        ImageDataset source = solid("grey", 2, 2, 51 / 255f, 52 / 255f);
        CanvasComposer composer = new CanvasComposer(new CanvasSpec(1, 1, 0.2f, 1, 1), 4, 4);
        SegmentationDataset canvases = composer.compose(source, 20, 5, "t");
        for (int i = 0; i < canvases.size(); i++) {
            int from = composer.placements(5, i, source)[0].source();
            int expected = from == 0 ? 0 : 2; // 51/255 is the threshold itself: background; 52/255: class 1 + 1
            assertTrue(Arrays.stream(canvases.mask(i)).allMatch(v -> v == expected), "canvas " + i);
            assertEquals(from == 0 ? 0 : 52, canvases.pixels()[i * 16] & 0xff);
        }
    }

    @Test
    void laterObjectsOccludeEarlierOnesExceptWhereTheyAreDark() {
        // The canvas is the objects' size, so every object covers all of it. Even images are solid, odd ones rings
        // with a dark centre; each bright pixel of image i is (200 + i) / 255, so a canvas pixel tells which object
        // it shows. At each pixel the last object bright there must win, and black background where none is.
        ImageDataset source = rings(6, 0.1f);
        float[] px = source.pixels();
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 16; k++) {
                if (px[i * 16 + k] > 0.5f || i % 2 == 0) {
                    px[i * 16 + k] = (200 + i) / 255f;
                }
            }
        }
        CanvasComposer composer = new CanvasComposer(new CanvasSpec(2, 4, 0.2f, 1, 1), 4, 4);
        SegmentationDataset canvases = composer.compose(source, 60, 9, "o");
        int showThrough = 0;
        for (int i = 0; i < canvases.size(); i++) {
            CanvasComposer.Placement[] objects = composer.placements(9, i, source);
            int[] mask = canvases.mask(i);
            for (int k = 0; k < 16; k++) {
                int shown = -1;
                for (CanvasComposer.Placement object : objects) {
                    if (px[object.source() * 16 + k] > 0.5f) {
                        shown = object.source();
                    }
                }
                int last = objects[objects.length - 1].source();
                showThrough += shown >= 0 && shown != last ? 1 : 0;
                assertEquals(shown < 0 ? 0 : source.labels()[shown] + 1, mask[k], "canvas " + i + " pixel " + k);
                assertEquals(shown < 0 ? 0 : 200 + shown, canvases.pixels()[i * 16 + k] & 0xff);
            }
        }
        assertTrue(showThrough > 0, "some canvas shows an earlier object through a later one's dark centre");
    }
}
