package org.supertickets.ticket;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.Supernet;

/**
 * The workbench's own logits for a ticket, for checks written outside Java ({@code src/test/python}): reads a
 * normalised batch as raw little-endian float32 {@code [N, C, H, W]} (N from the file's size), runs the ticket's
 * network as the workbench does ({@link Supernet}, evaluation mode) and writes the logits the same way.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:CLASSPATH org.supertickets.ticket.WorkbenchLogits TICKET IN OUT
 * </pre>
 */
public final class WorkbenchLogits {

    private WorkbenchLogits() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: WorkbenchLogits TICKET_FOLDER INPUT.f32 OUTPUT.f32");
            System.exit(2);
        }
        Ticket ticket = TicketIo.read(Path.of(args[0]));
        var a = ticket.network().architecture();
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[1]))).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[in.remaining() / 4];
        in.asFloatBuffer().get(x);
        long perImage = (long) a.inChannels() * a.inHeight() * a.inWidth();
        if (x.length % perImage != 0) {
            throw new IllegalArgumentException(args[1] + " holds " + x.length + " floats, not images of " + perImage);
        }
        float[] logits;
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(ticket.network(), root, Device.cpu())) {
            logits = net.forward(root.create(x, new Shape(x.length / perImage, a.inChannels(), a.inHeight(),
                    a.inWidth())), BatchNormMode.EVAL).toFloatArray();
        }
        ByteBuffer out = ByteBuffer.allocate(4 * logits.length).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(logits);
        Files.write(Path.of(args[2]), out.array());
    }
}
