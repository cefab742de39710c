package org.supertickets.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.data.DatasetException;
import org.supertickets.model.CorruptFileException;
import org.supertickets.run.WorkbenchVersion;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketInput;
import org.supertickets.ticket.TicketInputs;
import org.supertickets.ticket.TicketIo;

/** The {@code export --onnx} use case, shared by the command line and the ticket inspector. */
public final class OnnxExport {

    /**
     * What was written.
     *
     * @param ticketFolder the ticket read
     * @param file         the model written
     * @param bytes        its size
     * @param weights      weights of the compacted network (all stored, 4 bytes each)
     * @param kept         of which alive; the rest are stored as zeros
     */
    public record Result(Path ticketFolder, Path file, long bytes, long weights, long kept) {
    }

    private OnnxExport() {
    }

    /**
     * Reads the ticket in {@code ticketOrRun} (a ticket folder, its {@code ticket.json}, or a run folder holding
     * {@code ticket/}) and writes it to {@code file} as ONNX.
     *
     * @throws IOException          when the file cannot be written (the message names it)
     * @throws CorruptFileException when the ticket is missing or damaged (the message names the file)
     * @throws DatasetException     when a version-1 ticket's normalisation must be recomputed and its data is missing
     * @throws IllegalArgumentException when {@code file} is a folder (the message names it and the fix)
     */
    public static Result toOnnx(Path ticketOrRun, Path file) throws IOException, CorruptFileException,
            DatasetException {
        if (Files.isDirectory(file)) {
            // Checked before the ticket is read: writing would fail only at the end, as an I/O error.
            throw new IllegalArgumentException(file.toAbsolutePath() + " is a folder; the ONNX model is one file. "
                    + "Fix: give a file name for --onnx, e.g. " + file.resolve("ticket.onnx"));
        }
        Path folder = ticketFolder(ticketOrRun);
        Ticket ticket = TicketIo.read(folder);
        TicketInput input = TicketInputs.of(ticket);
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try {
            TicketOnnxExport.write(ticket, input, WorkbenchVersion.get(), target);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage() + ". Fix: choose a writable "
                    + "folder for --onnx", e);
        }
        var metrics = ticket.manifest().metrics();
        return new Result(folder, target, Files.size(target), metrics.params(), metrics.keptParams());
    }

    static Path ticketFolder(Path path) {
        Path nested = path.resolve("ticket");
        return !Files.isRegularFile(path.resolve(TicketIo.MANIFEST)) && Files.isRegularFile(
                nested.resolve(TicketIo.MANIFEST)) ? nested : path;
    }
}
