package org.supertickets.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** Issue 11, item 10: the latency statistics on given timings (no real timing, so the results are exact). */
class SpeedupIntervalTest {

    /** Supernet and ticket timings of the kind: same network, the supernet pass stalled now and then. */
    private static final double[] NOISY_SUPER = {2234, 2469, 2240, 5600, 2250, 2228, 2236, 2470, 2231, 2245,
            2238, 2229, 2460, 2233, 2241, 2237, 2232, 2239, 5610, 2230};
    private static final double[] NOISY_TICKET = {2236, 2230, 2465, 2238, 2242, 2231, 2450, 2233, 2240, 2229,
            2237, 2462, 2235, 2228, 2243, 2234, 2239, 2236, 2232, 2241};

    @Test
    void theSignTestRankGivesTheClassicIntervals() {
        assertEquals(0, SpeedupInterval.signTestRank(5), "5 pairs cannot give a 95% interval");
        assertEquals(1, SpeedupInterval.signTestRank(6));
        assertEquals(6, SpeedupInterval.signTestRank(20), "x(6)..x(15) for n = 20, as the tables say");
        assertEquals(40, SpeedupInterval.signTestRank(100), "x(40)..x(61) for n = 100");
    }

    @Test
    void theSameNetworkWithStallsIsNoMeasurableDifference() {
        SpeedupInterval s = SpeedupInterval.of(NOISY_SUPER, NOISY_TICKET);
        assertTrue(s.includesOne(), s.toString());
        assertEquals(20, s.pairs());
        assertTrue(s.confident());
        assertTrue(s.speedup() > 0.98 && s.speedup() < 1.02, s.toString());
    }

    @Test
    void aRealSpeedUpHasAnIntervalAboveOne() {
        double[] superMs = new double[30];
        double[] ticketMs = new double[30];
        for (int i = 0; i < 30; i++) {
            superMs[i] = 25 + (i % 7) * 0.3;
            ticketMs[i] = 10 + (i % 5) * 0.2;
        }
        superMs[3] = 80; // one stall does not move a median
        SpeedupInterval s = SpeedupInterval.of(superMs, ticketMs);
        assertFalse(s.includesOne());
        assertTrue(s.low() > 2.3 && s.high() < 2.7 && s.low() <= s.speedup() && s.speedup() <= s.high(), s.toString());
        assertTrue(s.isTight(0.05), s.toString());
        assertFalse(s.isTight(0.001));
    }

    @Test
    void badTimingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpeedupInterval.of(new double[] {1}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SpeedupInterval.of(new double[] {1}, new double[] {0}));
    }

    /** A clock that only moves when a scripted pass "runs": each pass advances it by its next duration. */
    private static final class ScriptedClock {
        long nanos;

        PairedTiming.Pass pass(double... ms) {
            Deque<Double> left = new ArrayDeque<>();
            for (double m : ms) {
                left.add(m);
            }
            return () -> {
                double m = left.isEmpty() ? ms[ms.length - 1] : left.poll();
                left.add(m); // cycle through the script
                nanos += Math.round(m * 1e6);
            };
        }
    }

    @Test
    void timingStopsAsSoonAsTheIntervalIsTight() {
        ScriptedClock clock = new ScriptedClock();
        PairedTiming timing = new PairedTiming(10, 10_000, 0.05, 60, 2);
        PairedTiming.Result r = timing.measure(clock.pass(20, 21, 19, 20.5), clock.pass(10, 10.2, 9.9),
                () -> clock.nanos);
        assertTrue(r.tight());
        assertEquals(10, r.interval().pairs(), "tight at the first check");
        assertEquals(2.0, r.interval().speedup(), 0.1);
        assertFalse(r.interval().includesOne());
    }

    @Test
    void timingStopsAtTheTimeCapAndSaysTheIntervalIsNotTight() {
        ScriptedClock clock = new ScriptedClock();
        // Ratios spread from 0.5 to 2: the interval never narrows to ±5%.
        PairedTiming timing = new PairedTiming(10, 10_000, 0.05, 5, 0);
        PairedTiming.Result r = timing.measure(clock.pass(100, 400, 200, 300, 250), clock.pass(200, 200, 300, 150,
                250, 220), () -> clock.nanos);
        assertFalse(r.tight());
        assertTrue(r.seconds() >= 5 && r.seconds() < 6, "stopped at the cap: " + r.seconds());
        assertEquals(r.referenceMs().length, r.interval().pairs());
        LatencyVerdict v = new LatencyVerdict(r.interval(), r.tight(), 1000, 1000, 50, 50);
        assertTrue(v.sentence().contains("did not narrow"), v.sentence());
    }

    @Test
    void theVerdictNamesACauseOnlyWhereTheNetworkChanged() {
        SpeedupInterval none = SpeedupInterval.of(NOISY_SUPER, NOISY_TICKET);
        String same = new LatencyVerdict(none, true, 1_970_000, 1_970_000, 5000, 5000).sentence();
        assertTrue(same.startsWith("no measurable difference: speed-up 1.00× (95% interval "), same);
        assertTrue(same.contains("Nothing structural changed"), same);
        assertFalse(same.contains("removed channels"), same);

        SpeedupInterval faster = new SpeedupInterval(2.51, 2.40, 2.60, 40, true);
        String compacted = new LatencyVerdict(faster, true, 5_210_000, 1_770_000, 9000, 4000).sentence();
        assertEquals("speed-up 2.51× (95% interval 2.40–2.60, 40 pairs), from removed channels and branches "
                + "(1,770,000 vs 5,210,000 MACs).", compacted);

        String noCause = new LatencyVerdict(faster, true, 1_970_000, 1_970_000, 5000, 5000).sentence();
        assertTrue(noCause.contains("nothing structural changed") && noCause.contains("noise"), noCause);
        assertFalse(noCause.contains("removed channels"), noCause);

        SpeedupInterval unclear = new SpeedupInterval(1.03, 0.97, 1.09, 40, true);
        String small = new LatencyVerdict(unclear, true, 1_970_000, 1_900_000, 5000, 4900).sentence();
        assertTrue(small.startsWith("no measurable difference") && small.contains("cannot tell"), small);
    }
}
