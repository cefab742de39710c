package org.supertickets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.supertickets.data.DatasetException;
import org.supertickets.model.CorruptFileException;
import org.supertickets.onnx.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export TICKET --onnx FILE}: the compacted ticket as an ONNX model, preprocessing in its metadata. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a ticket as an ONNX model (opset 17) that ONNX Runtime runs and Netron draws; the input "
                + "preprocessing is in the model's metadata. Example: export runs/quickstart-*/ticket --onnx t.onnx")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TICKET", description = "a ticket folder, or a run folder holding ticket/")
    Path ticketPath;

    @Option(names = "--onnx", paramLabel = "FILE", required = true, description = "the ONNX file to write")
    Path onnx;

    @Override
    public Integer call() {
        try {
            OnnxExport.Result r = OnnxExport.toOnnx(ticketPath, onnx);
            System.out.printf(Locale.ROOT, "wrote %s: %,d bytes, %,d weights of which %,d alive (pruned ones stored "
                    + "as zeros)%nopen it in Netron (https://netron.app, or `netron %s`); run it with ONNX Runtime after "
                    + "the preprocessing in its metadata%n", r.file(), r.bytes(), r.weights(), r.kept(),
                    r.file().getFileName());
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
