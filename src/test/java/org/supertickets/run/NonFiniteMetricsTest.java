package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.space.LayerKind;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.RunFinished;

/** Issue 14: a field that is sometimes a number and sometimes the string "NaN" breaks jq and pandas. */
class NonFiniteMetricsTest {

    private static RunFinished cancelled(double testAccuracy, double testLoss) {
        return new RunFinished(120, 1.5, RunFinished.Outcome.CANCELLED, "stopped", testAccuracy, testLoss,
                Double.NaN, 0.25, 1000, 800, 50, 3.5, 1.0e9);
    }

    @Test
    void nonFiniteValuesAreWrittenAsNullAndReadBackAsTheyWere() throws Exception {
        String line = EventJson.toJson(cancelled(Double.NaN, Double.POSITIVE_INFINITY));
        assertFalse(line.contains("NaN") || line.contains("Infinity"), line);
        JsonNode node = EventJson.MAPPER.readTree(line);
        assertTrue(node.get("testAccuracy").isNull(), line);
        assertTrue(node.get("testLoss").isNull(), line);
        assertTrue(node.get("validationAccuracy").isNull(), line);
        assertEquals(0.25, node.get("sparsity").doubleValue());

        RunFinished back = (RunFinished) EventJson.fromJson(line);
        assertTrue(Double.isNaN(back.testAccuracy()));
        assertTrue(Double.isNaN(back.testLoss()), "null reads as NaN: the value was not measured");
        assertEquals(0.25, back.sparsity());
        assertEquals(3.5, back.wallSeconds());
    }

    @Test
    void finiteValuesAreUntouched() {
        RunFinished finished = cancelled(0.8125, 0.4);
        assertEquals(finished, EventJson.fromJson(EventJson.toJson(finished)));
    }

    @Test
    void linesWrittenBeforeTheChangeStillRead() {
        String quoted = EventJson.toJson(cancelled(0.5, 0.5))
                .replace("\"testAccuracy\":0.5", "\"testAccuracy\":\"NaN\"")
                .replace("\"testLoss\":0.5", "\"testLoss\":NaN");
        assertTrue(quoted.contains("\"NaN\"") && quoted.contains(":NaN"), quoted);
        RunFinished back = (RunFinished) EventJson.fromJson(quoted);
        assertTrue(Double.isNaN(back.testAccuracy()));
        assertTrue(Double.isNaN(back.testLoss()));
        assertEquals(0.5, ((RunFinished) EventJson.fromJson(EventJson.toJson(cancelled(0.5, 0.5)))).testAccuracy());
    }

    @Test
    void nonFiniteEntriesOfArraysBecomeNullAndComeBack() {
        LayerSnapshot layer = new LayerSnapshot("stage0.block0.dw", LayerKind.values()[0], new long[] {4, 1, 3, 3},
                36, 20, 100, 60, new int[] {0, 1, 2, 3}, new float[] {0.5f, Float.NaN, 0.25f}, "", "", Float.NaN);
        ConnectivitySnapshot snapshot = new ConnectivitySnapshot(5, 0.5, "eval", null, List.of(layer));
        String line = EventJson.toJson(snapshot);
        assertFalse(line.contains("NaN"), line);
        assertTrue(line.contains("[0.5,null,0.25]"), line);
        LayerSnapshot back = ((ConnectivitySnapshot) EventJson.fromJson(line)).layers().get(0);
        assertEquals(3, back.importance().length);
        assertEquals(0.5f, back.importance()[0]);
        assertTrue(Float.isNaN(back.importance()[1]));
        assertTrue(Float.isNaN(back.weightScale()));
    }
}
