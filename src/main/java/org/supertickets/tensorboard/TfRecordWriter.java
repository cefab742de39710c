package org.supertickets.tensorboard;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Appends TFRecords, the framing of TensorBoard's event files: a little-endian 64-bit length, the masked CRC-32C
 * of those 8 bytes, the data, and the masked CRC-32C of the data. Each record is flushed as a whole, so a reader
 * (TensorBoard polls the file while a run writes it) never sees a torn one except at a crash.
 */
final class TfRecordWriter implements AutoCloseable {

    /** The constant TensorFlow adds to a rotated CRC, so a CRC of data holding CRCs is not trivially zero. */
    static final int MASK_DELTA = 0xa282ead8;

    private final OutputStream out;

    TfRecordWriter(Path file) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    void write(byte[] data) throws IOException {
        byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        out.write(length);
        out.write(littleEndian(maskedCrc32c(length)));
        out.write(data);
        out.write(littleEndian(maskedCrc32c(data)));
        out.flush();
    }

    /** TensorFlow's masked CRC: the CRC-32C rotated right by 15 bits plus {@link #MASK_DELTA}. */
    static int maskedCrc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
