package org.supertickets.model;

import java.util.Arrays;

/**
 * A tensor copied to the Java heap: row-major float data and its shape. Rare, structural work (shrinking,
 * pruning, checkpoints, tickets) is done on these, where it is simple, exact and testable without an engine.
 *
 * @param data  row-major values
 * @param shape dimensions
 */
public record HostTensor(float[] data, long[] shape) {

    public HostTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + data.length);
        }
    }

    public int size() {
        return data.length;
    }

    /** Keeps the given indices along {@code axis}, in the given order. */
    public HostTensor select(int axis, int[] indices) {
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        long inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int dim = (int) shape[axis];
        int innerInt = (int) inner;
        float[] out = new float[(int) (outer * indices.length * inner)];
        int pos = 0;
        for (long o = 0; o < outer; o++) {
            for (int index : indices) {
                if (index < 0 || index >= dim) {
                    throw new IndexOutOfBoundsException("index " + index + " on axis of size " + dim);
                }
                System.arraycopy(data, (int) ((o * dim + index) * inner), out, pos, innerInt);
                pos += innerInt;
            }
        }
        long[] newShape = shape.clone();
        newShape[axis] = indices.length;
        return new HostTensor(out, newShape);
    }

    /** A tensor of the given shape filled with {@code value}. */
    public static HostTensor filled(long[] shape, float value) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] data = new float[(int) n];
        Arrays.fill(data, value);
        return new HostTensor(data, shape.clone());
    }
}
