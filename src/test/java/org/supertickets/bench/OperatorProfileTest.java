package org.supertickets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorProfileTest {

    @Test
    void selfTimeIsDurationLessNestedCallsPerThread(@TempDir Path dir) throws Exception {
        // Thread 1: conv (0-100) calls mkldnn (10-70) which calls empty (20-25); then relu (100-110).
        // Thread 2: an autograd conv backward (0-50) that overlaps thread 1 in time but not in nesting.
        Path trace = dir.resolve("trace.json");
        Files.writeString(trace, """
                [
                {"name": "aten::conv2d", "ph": "X", "ts": 0, "dur": 100, "tid": 1, "shape": [[1]]},
                {"name": "aten::mkldnn_convolution", "ph": "X", "ts": 10, "dur": 60, "tid": 1, "shape": []},
                {"name": "aten::empty", "ph": "X", "ts": 20, "dur": 5, "tid": 1, "shape": []},
                {"name": "aten::relu", "ph": "X", "ts": 100, "dur": 10, "tid": 1, "shape": []},
                {"name": "aten::convolution_backward", "ph": "X", "ts": 0, "dur": 50, "tid": 2, "shape": []},
                {"name": "aten::empty", "ph": "X", "ts": 5, "dur": 3, "tid": 2, "shape": []}
                ]
                """);
        OperatorProfile profile = OperatorProfile.read(trace);

        assertEquals(160, profile.totalMicros(), 1e-9, "self times add up to the time in libtorch");
        assertEquals("aten::mkldnn_convolution", profile.operators().get(0).name());
        assertEquals(55, profile.operators().get(0).selfMicros(), 1e-9);
        OperatorProfile.Operator empty = profile.operators().stream()
                .filter(o -> o.name().equals("aten::empty")).findFirst().orElseThrow();
        assertEquals(2, empty.calls());
        assertEquals(8, empty.selfMicros(), 1e-9);
        OperatorProfile.Operator conv = profile.operators().stream()
                .filter(o -> o.name().equals("aten::conv2d")).findFirst().orElseThrow();
        assertEquals(40, conv.selfMicros(), 1e-9);
        assertEquals(100, conv.totalMicros(), 1e-9);
        assertTrue(profile.table(3, 2).contains("| aten::mkldnn_convolution | 0.5 | 0.03 | 34.4 % |"),
                profile.table(3, 2));
    }
}
