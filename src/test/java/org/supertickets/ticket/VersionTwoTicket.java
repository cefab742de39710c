package org.supertickets.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real ticket written by the workbench in format version 2 before {@code input} had its structured fields
 * ({@code testSet}, {@code canvas}, {@code greyFromRgb}) and before the graph's Split and Unsqueeze took their sizes
 * and axes as inputs: a 2-epoch run on 640 Fashion-MNIST images, seed 5, scored on the first 200 test images
 * (test accuracy 0.345). Kept as a test resource so that such tickets keep opening.
 */
public final class VersionTwoTicket {

    /** The test images its accuracy was measured on ({@code data.testLimit}). */
    public static final int TEST_IMAGES = 200;

    private VersionTwoTicket() {
    }

    /** Copies the ticket into {@code dir} (created) and returns it. */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : List.of(TicketIo.MANIFEST, TicketIo.WEIGHTS)) {
            try (InputStream in = VersionTwoTicket.class.getResourceAsStream("v2-ticket/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }
}
