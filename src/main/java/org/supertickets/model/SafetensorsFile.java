package org.supertickets.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (an 8-byte little-endian header length, a JSON header, then raw
 * little-endian tensor data), so tickets and checkpoints can be opened by PyTorch users with the
 * {@code safetensors} library. Supported dtypes: F32, U8 (masks, 0/1) and I32 (indices).
 *
 * <p>Reading validates everything before allocating: header size, offsets inside the file, no overlaps and no
 * holes, that each shape matches its byte range, and that the tensors fit into the memory left. Problems are
 * reported as {@link CorruptFileException}. Callers that know what the file must hold check its
 * {@link #readHeader header} before {@link #readTensors reading the tensors}.
 */
public final class SafetensorsFile {

    /** Largest header we accept (the format's own limit is 100 MB). */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Largest Java array, so a tensor always fits one array and no size computation overflows an int. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** A tensor to write or as read: float data (U8 and I32 values are converted exactly). */
    public record Entry(String dtype, long[] shape, float[] floats, int[] ints) {

        public static Entry f32(HostTensor t) {
            return new Entry("F32", t.shape(), t.data(), null);
        }

        /** A 0/1 mask stored as one byte per entry. */
        public static Entry u8(HostTensor t) {
            return new Entry("U8", t.shape(), t.data(), null);
        }

        public static Entry i32(int[] values) {
            return new Entry("I32", new long[] {values.length}, null, values);
        }

        public HostTensor toHostTensor() {
            if (floats == null) {
                float[] f = new float[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    f[i] = ints[i];
                }
                return new HostTensor(f, shape);
            }
            return new HostTensor(floats, shape);
        }
    }

    /** What a file holds. */
    public record Contents(Map<String, Entry> tensors, Map<String, String> metadata) {
    }

    private SafetensorsFile() {
    }

    public static void write(OutputStream out, Map<String, Entry> tensors, Map<String, String> metadata)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Entry> e : tensors.entrySet()) {
            Entry t = e.getValue();
            long bytes = count(t.shape()) * bytesPer(t.dtype());
            ObjectNode node = header.putObject(e.getKey());
            node.put("dtype", t.dtype());
            ArrayNode shape = node.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            node.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (headerBytes.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(prefix.array());
        out.write(headerBytes);
        for (int i = headerBytes.length; i < padded; i++) {
            out.write(' ');
        }
        for (Entry t : tensors.values()) {
            out.write(encode(t));
        }
    }

    /** Where one tensor lies in the data section, as the header declares it (checked against the file). */
    public record TensorInfo(String dtype, long[] shape, long begin, long end) {

        /** Bytes the tensor takes on the heap once read: every dtype widens to 4-byte floats or ints. */
        public long heapBytes() {
            return count(shape) * 4;
        }
    }

    /**
     * A file's header, validated against the real file but with no tensor read yet, so that callers can check
     * names, shapes and the total size against what they expect before anything is allocated.
     */
    public record Header(Path file, long dataStart, Map<String, TensorInfo> tensors, Map<String, String> metadata) {

        public long heapBytes() {
            return tensors.values().stream().mapToLong(TensorInfo::heapBytes).sum();
        }
    }

    public static Contents read(Path file) throws IOException, CorruptFileException {
        return readTensors(readHeader(file));
    }

    /**
     * Reads and validates the header only: its size, every tensor's dtype, shape and byte range against the file's
     * real size, no overlaps and no holes (the format indexes every byte of the data section, so a file made
     * longer than its tensors, a sparse one included, is refused here).
     */
    public static Header readHeader(Path file) throws IOException, CorruptFileException {
        if (!Files.isRegularFile(file)) {
            throw new CorruptFileException(file, Files.isDirectory(file) ? "is a folder, not a safetensors file"
                    : "does not exist or is not a regular file");
        }
        long size = Files.size(file);
        if (size < 8) {
            throw new CorruptFileException(file, "is " + size + " bytes long, too short for a safetensors file");
        }
        try (var channel = Files.newByteChannel(file)) {
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, prefix);
            long headerLength = prefix.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw new CorruptFileException(file, "declares a header of " + headerLength + " bytes in a file of "
                        + size + " bytes (truncated or not a safetensors file)");
            }
            ByteBuffer headerBuffer = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBuffer);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBuffer.array(), StandardCharsets.UTF_8).trim());
            } catch (IOException e) {
                throw new CorruptFileException(file, "has an unreadable header: " + e.getMessage());
            }
            if (header == null || !header.isObject()) {
                throw new CorruptFileException(file, "has a header that is not a JSON object");
            }
            long dataLength = size - 8 - headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, TensorInfo> tensors = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equals("__metadata__")) {
                    f.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                long[] range = validateEntry(file, f.getKey(), f.getValue(), dataLength);
                tensors.put(f.getKey(), new TensorInfo(f.getValue().get("dtype").asText(), shapeOf(f.getValue()),
                        range[0], range[1]));
            }
            checkCoverage(file, tensors, dataLength);
            return new Header(file, 8 + headerLength, tensors, metadata);
        }
    }

    /**
     * Reads every tensor of a validated header, one at a time into its own array (no byte copy of the whole
     * tensor), after checking that they fit into the memory this JVM has left.
     */
    public static Contents readTensors(Header header) throws IOException, CorruptFileException {
        HeapBudget.check(header.file(), header.heapBytes());
        Map<String, Entry> tensors = new LinkedHashMap<>();
        try (var channel = Files.newByteChannel(header.file())) {
            for (Map.Entry<String, TensorInfo> e : header.tensors().entrySet()) {
                TensorInfo info = e.getValue();
                channel.position(header.dataStart() + info.begin());
                tensors.put(e.getKey(), readTensor(channel, info));
            }
        } catch (java.io.EOFException e) {
            throw new CorruptFileException(header.file(), "ended while its tensors were read (it shrank?)");
        }
        return new Contents(tensors, header.metadata());
    }

    private static Entry readTensor(java.nio.channels.SeekableByteChannel channel, TensorInfo info)
            throws IOException {
        int n = (int) count(info.shape());
        int width = bytesPer(info.dtype());
        float[] floats = "I32".equals(info.dtype()) ? null : new float[n];
        int[] ints = floats == null ? new int[n] : null;
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.max(width, Math.min(n * (long) width, 1 << 20)))
                .order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        while (done < n) {
            int count = Math.min(n - done, chunk.capacity() / width);
            chunk.clear().limit(count * width);
            readFully(channel, chunk);
            chunk.flip();
            for (int i = done; i < done + count; i++) {
                switch (info.dtype()) {
                    case "F32" -> floats[i] = chunk.getFloat();
                    case "U8" -> floats[i] = chunk.get() != 0 ? 1f : 0f;
                    default -> ints[i] = chunk.getInt();
                }
            }
            done += count;
        }
        return new Entry(info.dtype(), info.shape(), floats, ints);
    }

    private static long[] validateEntry(Path file, String name, JsonNode node, long dataLength)
            throws CorruptFileException {
        String where = "tensor '" + name + "'";
        if (!node.isObject() || !node.path("dtype").isTextual() || !node.path("shape").isArray()
                || !node.path("data_offsets").isArray() || node.path("data_offsets").size() != 2) {
            throw new CorruptFileException(file, where + " lacks dtype, shape or data_offsets");
        }
        String dtype = node.get("dtype").asText();
        if (!List.of("F32", "U8", "I32").contains(dtype)) {
            throw new CorruptFileException(file, where + " has dtype " + dtype + " (supported: F32, U8, I32)");
        }
        long elements = 1;
        for (JsonNode d : node.get("shape")) {
            if (!d.canConvertToLong() || d.asLong() < 0 || d.asLong() > Integer.MAX_VALUE) {
                throw new CorruptFileException(file, where + " has an invalid dimension " + d);
            }
            elements = Math.multiplyExact(elements, d.asLong());
            if (elements > MAX_ELEMENTS) {
                throw new CorruptFileException(file, where + " is too large (" + elements + " elements)");
            }
        }
        long begin = node.get("data_offsets").get(0).asLong(-1);
        long end = node.get("data_offsets").get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataLength) {
            throw new CorruptFileException(file, where + " points at bytes " + begin + ".." + end + " but the data is "
                    + dataLength + " bytes (truncated file?)");
        }
        if (end - begin != elements * bytesPer(dtype)) {
            throw new CorruptFileException(file, where + " has " + (end - begin) + " bytes for " + elements + " "
                    + dtype + " values");
        }
        return new long[] {begin, end};
    }

    /** Tensors must not overlap and together must cover the data section exactly: no hole, no trailing bytes. */
    private static void checkCoverage(Path file, Map<String, TensorInfo> tensors, long dataLength)
            throws CorruptFileException {
        List<Map.Entry<String, TensorInfo>> order = new ArrayList<>(tensors.entrySet());
        order.sort((a, b) -> Long.compare(a.getValue().begin(), b.getValue().begin()));
        long covered = 0;
        String previous = null;
        for (Map.Entry<String, TensorInfo> e : order) {
            if (e.getValue().begin() < covered) {
                throw new CorruptFileException(file, "tensors '" + previous + "' and '" + e.getKey() + "' overlap");
            }
            if (e.getValue().begin() > covered) {
                throw new CorruptFileException(file, "has " + (e.getValue().begin() - covered) + " bytes that no "
                        + "tensor claims before '" + e.getKey() + "' (damaged or not written by a safetensors writer)");
            }
            covered = e.getValue().end();
            previous = e.getKey();
        }
        if (covered != dataLength) {
            throw new CorruptFileException(file, "is " + (dataLength - covered) + " bytes longer than its tensors "
                    + "(extended, sparse or with data appended). Fix: restore the file from the run or ticket that "
                    + "wrote it");
        }
    }

    private static long[] shapeOf(JsonNode node) {
        JsonNode s = node.get("shape");
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asLong();
        }
        return shape;
    }

    private static byte[] encode(Entry t) {
        int n = (int) count(t.shape());
        ByteBuffer b = ByteBuffer.allocate(n * bytesPer(t.dtype())).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case "F32" -> b.asFloatBuffer().put(t.floats(), 0, n);
            case "U8" -> {
                for (int i = 0; i < n; i++) {
                    b.put((byte) (t.floats()[i] != 0f ? 1 : 0));
                }
            }
            case "I32" -> b.asIntBuffer().put(t.ints(), 0, n);
            default -> throw new IllegalArgumentException("unsupported dtype " + t.dtype());
        }
        return b.array();
    }

    private static int bytesPer(String dtype) {
        return "U8".equals(dtype) ? 1 : 4;
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static void readFully(java.nio.channels.SeekableByteChannel channel, ByteBuffer buffer)
            throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new java.io.EOFException("unexpected end of file");
            }
        }
    }
}
