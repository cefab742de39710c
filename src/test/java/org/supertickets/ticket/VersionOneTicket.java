package org.supertickets.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real ticket written by the workbench before format version 2 (a 4-epoch run on 1,080 Fashion-MNIST images,
 * seed 11, scored on the first 300 test images), kept as a test resource so that version-1 tickets keep opening.
 */
public final class VersionOneTicket {

    private VersionOneTicket() {
    }

    /** Copies the ticket into {@code dir} (created) and returns it. */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : List.of(TicketIo.MANIFEST, TicketIo.WEIGHTS)) {
            try (InputStream in = VersionOneTicket.class.getResourceAsStream("v1-ticket/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }
}
