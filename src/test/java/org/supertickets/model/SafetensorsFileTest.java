package org.supertickets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir
    Path dir;

    private Path sample() throws Exception {
        Map<String, SafetensorsFile.Entry> entries = new LinkedHashMap<>();
        entries.put("w", SafetensorsFile.Entry.f32(new HostTensor(new float[] {1.5f, -2f, 3f, 0f}, new long[] {2, 2})));
        entries.put("m", SafetensorsFile.Entry.u8(new HostTensor(new float[] {1, 0, 1}, new long[] {3})));
        entries.put("i", SafetensorsFile.Entry.i32(new int[] {7, 42}));
        Path file = dir.resolve("t.safetensors");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SafetensorsFile.write(out, entries, Map.of("format", "test"));
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void roundTripsEveryDtypeAndTheMetadata() throws Exception {
        SafetensorsFile.Contents c = SafetensorsFile.read(sample());
        assertArrayEquals(new float[] {1.5f, -2f, 3f, 0f}, c.tensors().get("w").floats());
        assertArrayEquals(new long[] {2, 2}, c.tensors().get("w").shape());
        assertArrayEquals(new float[] {1, 0, 1}, c.tensors().get("m").floats());
        assertArrayEquals(new int[] {7, 42}, c.tensors().get("i").ints());
        assertEquals("test", c.metadata().get("format"));
    }

    @Test
    void headerIsThePublishedLayout() throws Exception {
        byte[] bytes = Files.readAllBytes(sample());
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}"), header);
        assertEquals(8 + headerLength + 16 + 3 + 8, bytes.length);
    }

    @Test
    void truncatedFileIsReportedNotAllocated() throws Exception {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> SafetensorsFile.read(file));
        assertTrue(e.getMessage().contains("t.safetensors"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void hugeDeclaredHeaderIsRejectedBeforeReading() throws Exception {
        Path file = dir.resolve("bad.safetensors");
        byte[] bytes = new byte[64];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE / 2);
        Files.write(file, bytes);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> SafetensorsFile.read(file));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void garbageHeaderIsReported() throws Exception {
        Path file = dir.resolve("garbage.safetensors");
        byte[] bytes = new byte[40];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(16);
        System.arraycopy("{not json at all".getBytes(StandardCharsets.UTF_8), 0, bytes, 8, 16);
        Files.write(file, bytes);
        assertThrows(CorruptFileException.class, () -> SafetensorsFile.read(file));
    }
}
