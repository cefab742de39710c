package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransferTargetTest {

    @Test
    void theOtherTaskDefaultsToTheSameImagesComposedOrUncomposed() {
        assertEquals("fashion-mnist-canvas", TransferTarget.dataset(null, "segmentation", "fashion-mnist"));
        assertEquals("mnist-canvas", TransferTarget.dataset(null, "segmentation", "mnist"));
        assertEquals("fashion-mnist", TransferTarget.dataset(null, "classification", "fashion-mnist-canvas"));
        assertEquals("mnist", TransferTarget.dataset("mnist", null, "fashion-mnist"), "--data alone as before");
        assertEquals("mnist-canvas", TransferTarget.dataset("mnist-canvas", "segmentation", "fashion-mnist"));
    }

    @Test
    void contradictionsAndMissingTargetsAreRefusedWithTheFix() {
        String[][] refused = {
            {null, null, "fashion-mnist", "--data DATASET"},
            {"mnist", "segmentation", "fashion-mnist", "labelled for classification"},
            {null, "classification", "fashion-mnist", "drawn for classification already"},
            {null, "segmentation", "cifar10", "no segmentation counterpart"},
            {null, "detection", "fashion-mnist", "not a task"},
        };
        for (String[] r : refused) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TransferTarget.dataset(r[0], r[1], r[2]));
            assertTrue(e.getMessage().contains(r[3]) && e.getMessage().contains("ix"), e.getMessage());
        }
    }
}
