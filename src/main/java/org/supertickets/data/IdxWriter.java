package org.supertickets.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.supertickets.io.AtomicFiles;

/**
 * Writes unsigned bytes in the IDX format {@link IdxReader} reads (uncompressed): the magic {@code 0x0000 08 d}
 * (unsigned byte, {@code d} dimensions), then each dimension as a big-endian int, then the bytes in row-major order.
 * Images {@code [N, H, W]} get the magic 2051 of MNIST's image files; numpy reads any of them with
 * {@code np.frombuffer(data, np.uint8, offset=4 + 4 * d).reshape(dims)}.
 */
public final class IdxWriter {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxWriter() {
    }

    /** Writes {@code values} (as many as the product of {@code dims}) to {@code file} atomically. */
    public static void write(Path file, byte[] values, int... dims) throws IOException {
        long count = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            count *= d;
        }
        if (dims.length == 0 || dims.length > 255 || count != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill dimensions "
                    + java.util.Arrays.toString(dims));
        }
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(UNSIGNED_BYTE << 8 | dims.length);
            for (int d : dims) {
                data.writeInt(d);
            }
            data.write(values);
            data.flush();
        });
    }
}
