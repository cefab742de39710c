package org.supertickets.onnx;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.supertickets.data.AssetLocator;

/**
 * The first test images of a shipped IDX dataset as raw 8-bit pixels, read straight from the files (not through
 * the workbench's data pipeline), so a test applies only the preprocessing a ticket documents.
 *
 * @param pixels {@code count * side * side} bytes, 0..255
 * @param labels one class per image
 * @param side   image side
 */
record ShippedTestImages(int[] pixels, int[] labels, int side) {

    static ShippedTestImages firstOf(String dataset, int count) throws Exception {
        Path dir = AssetLocator.find().resolve(dataset);
        int[] labels;
        try (DataInputStream in = open(dir.resolve("t10k-labels-idx1-ubyte.gz"))) {
            in.readInt();
            in.readInt();
            labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readUnsignedByte();
            }
        }
        try (DataInputStream in = open(dir.resolve("t10k-images-idx3-ubyte.gz"))) {
            in.readInt();
            in.readInt();
            int rows = in.readInt();
            in.readInt();
            int[] pixels = new int[count * rows * rows];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = in.readUnsignedByte();
            }
            return new ShippedTestImages(pixels, labels, rows);
        }
    }

    /** The images as the ticket's input: {@code (pixel / scale - mean) / std}, one grey channel. */
    float[] normalised(double scale, float mean, float std) {
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            // In float, as the workbench reads pixels (byte / 255f): the same numbers, bit for bit.
            x[i] = (pixels[i] / (float) scale - mean) / std;
        }
        return x;
    }

    private static DataInputStream open(Path gz) throws IOException {
        InputStream in = new GZIPInputStream(Files.newInputStream(gz));
        return new DataInputStream(new java.io.BufferedInputStream(in));
    }
}
