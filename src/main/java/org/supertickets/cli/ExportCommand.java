package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.supertickets.data.DatasetException;
import org.supertickets.model.CorruptFileException;
import org.supertickets.onnx.OnnxExport;
import org.supertickets.onnx.TestCanvasExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export TICKET --onnx FILE}: the compacted ticket as an ONNX model, preprocessing in its metadata; for a
 * segmentation ticket also {@code --test-canvases DIR}, its test split as IDX files to score it outside.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a ticket as an ONNX model (opset 17) that ONNX Runtime runs and Netron draws; the input "
                + "preprocessing is in the model's metadata. A segmentation ticket's model outputs per-pixel logits "
                + "[N, classes, H, W]. Example: export runs/quickstart-*/ticket --onnx t.onnx")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TICKET", description = "a ticket folder, or a run folder holding ticket/")
    Path ticketPath;

    @Option(names = "--onnx", paramLabel = "FILE", description = "the ONNX file to write")
    Path onnx;

    @Option(names = "--test-canvases", paramLabel = "DIR", description = "segmentation tickets: write the test "
            + "canvases the ticket was scored on into DIR as " + TestCanvasExport.IMAGES + " and "
            + TestCanvasExport.MASKS + " (IDX, unsigned bytes [N, H, W]), for src/scripts/ticket_loader.py "
            + "--images/--masks or ONNX Runtime")
    Path testCanvases;

    @Override
    public Integer call() {
        if (onnx == null && testCanvases == null) {
            System.err.println("nothing to write. Fix: give --onnx FILE, --test-canvases DIR (segmentation), or both");
            return Main.EXIT_BAD_INPUT;
        }
        try {
            if (onnx != null) {
                OnnxExport.Result r = OnnxExport.toOnnx(ticketPath, onnx);
                System.out.printf(Locale.ROOT, "wrote %s: %,d bytes, %,d weights of which %,d alive (pruned ones "
                        + "stored as zeros)%nopen it in Netron (https://netron.app, or `netron %s`); run it with ONNX "
                        + "Runtime after the preprocessing in its metadata%n", r.file(), r.bytes(), r.weights(),
                        r.kept(), r.file().getFileName());
            }
            if (testCanvases != null) {
                TestCanvasExport.Result r = TestCanvasExport.write(ticketPath, testCanvases);
                System.out.printf(Locale.ROOT, "wrote the %,d test canvases the ticket was scored on: %s and %s%n"
                        + "score them outside: python3 src/scripts/ticket_loader.py TICKET --images %s --masks %s%n",
                        r.count(), r.images(), r.masks(), r.images(), r.masks());
            }
            return 0;
        } catch (CorruptFileException | DatasetException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_FAILED;
        }
    }
}
