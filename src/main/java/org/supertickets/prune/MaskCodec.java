package org.supertickets.prune;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compact text encodings for snapshots: masks as bits (1 = alive, most significant bit first) and weights as
 * int8 levels of {@code max|w|/127}, each deflated and base64-encoded so they fit in a JSON line; and plain bytes
 * (8-bit images, class-index maps) the same way.
 */
public final class MaskCodec {

    private MaskCodec() {
    }

    public static String encodeMask(float[] mask) {
        byte[] bits = new byte[(mask.length + 7) / 8];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0f) {
                bits[i >> 3] |= (byte) (0x80 >>> (i & 7));
            }
        }
        return Base64.getEncoder().encodeToString(deflate(bits));
    }

    /** Decodes {@code count} mask entries. */
    public static boolean[] decodeMask(String encoded, int count) {
        byte[] bits = inflate(Base64.getDecoder().decode(encoded), (count + 7) / 8);
        boolean[] alive = new boolean[count];
        for (int i = 0; i < count; i++) {
            alive[i] = (bits[i >> 3] & (0x80 >>> (i & 7))) != 0;
        }
        return alive;
    }

    /** The scale to pass to {@link #encodeWeights}: the largest |w| (1 for an all-zero layer). */
    public static float scaleOf(float[] weights) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        return max == 0 ? 1 : max;
    }

    public static String encodeWeights(float[] weights, float scale) {
        byte[] levels = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            levels[i] = (byte) Math.round(Math.max(-127, Math.min(127, weights[i] / scale * 127)));
        }
        return Base64.getEncoder().encodeToString(deflate(levels));
    }

    public static float[] decodeWeights(String encoded, int count, float scale) {
        byte[] levels = inflate(Base64.getDecoder().decode(encoded), count);
        float[] weights = new float[count];
        for (int i = 0; i < count; i++) {
            weights[i] = levels[i] * scale / 127f;
        }
        return weights;
    }

    /** Bytes as they are, deflated and base64-encoded. */
    public static String encodeBytes(byte[] bytes) {
        return Base64.getEncoder().encodeToString(deflate(bytes));
    }

    /**
     * Decodes {@code count} bytes written by {@link #encodeBytes}.
     *
     * @throws IllegalArgumentException when the text is not base64, is corrupt or holds another count
     */
    public static byte[] decodeBytes(String encoded, int count) {
        return inflate(Base64.getDecoder().decode(encoded), count);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] data, int expectedLength) {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        byte[] out = new byte[expectedLength];
        try {
            int n = 0;
            while (n < expectedLength && !inflater.finished()) {
                int read = inflater.inflate(out, n, expectedLength - n);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += read;
            }
            if (n != expectedLength) {
                throw new IllegalArgumentException("encoded data holds " + n + " bytes, expected " + expectedLength);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("encoded data is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
