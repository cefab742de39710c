package org.supertickets.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.data.DatasetException;
import org.supertickets.data.IdxWriter;
import org.supertickets.data.SegmentationDataset;
import org.supertickets.data.SegmentationLoader;
import org.supertickets.model.CorruptFileException;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;

/**
 * The {@code export --test-canvases} use case: a segmentation ticket's test split as IDX files, so that it can be
 * scored outside the workbench (ONNX Runtime, {@code src/scripts/ticket_loader.py}). The canvases are composed in
 * Java ({@code CanvasComposer}), so nothing outside could draw them again; this writes the very images and masks
 * the run measured the ticket on: its config's test split, limit included.
 */
public final class TestCanvasExport {

    /** The images file: unsigned bytes {@code [N, H, W]} (grey) or {@code [N, C, H, W]}. */
    public static final String IMAGES = "test-images-idx3-ubyte";
    /** The masks file: unsigned bytes {@code [N, H, W]}, one class index per pixel. */
    public static final String MASKS = "test-masks-idx3-ubyte";

    /**
     * What was written.
     *
     * @param images the images file
     * @param masks  the masks file
     * @param count  canvases in each
     */
    public record Result(Path images, Path masks, int count) {
    }

    private TestCanvasExport() {
    }

    /**
     * Writes the test split of the ticket in {@code ticketOrRun} (as {@link OnnxExport#toOnnx} finds it) into
     * {@code folder} as {@value #IMAGES} and {@value #MASKS}.
     *
     * @throws IllegalArgumentException when the ticket is not a segmentation ticket, or {@code folder} is a file
     * @throws DatasetException         when the ticket's dataset cannot be read here (a mask folder moved away)
     */
    public static Result write(Path ticketOrRun, Path folder) throws IOException, CorruptFileException,
            DatasetException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder.toAbsolutePath() + " is a file; --test-canvases names a folder "
                    + "to write " + IMAGES + " and " + MASKS + " into. Fix: give a folder");
        }
        Path ticketFolder = OnnxExport.ticketFolder(ticketOrRun);
        Ticket ticket = TicketIo.read(ticketFolder);
        if (!ticket.network().architecture().segments()) {
            throw new IllegalArgumentException(ticketFolder + " is a classification ticket; its test images are the "
                    + "dataset's own files (ticket.json, input.testSplit). Fix: drop --test-canvases");
        }
        SearchSpaceConfig config = ticket.manifest().provenance().config();
        SegmentationDataset test = SegmentationLoader.load(config.data(), config.seed()).test();
        int n = test.size();
        int[] imageDims = test.channels() == 1 ? new int[] {n, test.height(), test.width()}
                : new int[] {n, test.channels(), test.height(), test.width()};
        Path target = folder.toAbsolutePath();
        Files.createDirectories(target);
        Path images = target.resolve(IMAGES);
        Path masks = target.resolve(MASKS);
        IdxWriter.write(images, test.pixels(), imageDims);
        IdxWriter.write(masks, test.masks(), n, test.height(), test.width());
        return new Result(images, masks, n);
    }
}
