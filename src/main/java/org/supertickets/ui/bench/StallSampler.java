package org.supertickets.ui.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Says what the FX thread was doing while it stalled: every few milliseconds, when no pulse has come for
 * longer than a threshold, it samples the FX thread's stack and counts the innermost workbench frame (or the
 * top frame when no workbench code is on the stack), so a long gap in {@code UiBenchmark} names its cause.
 */
final class StallSampler {
    private static final long SAMPLE_MILLIS = 5;

    private final Thread fxThread;
    private final LongSupplier lastPulseNanos;
    private final long thresholdNanos;
    private final Map<String, Integer> samples = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread sampler;

    StallSampler(Thread fxThread, LongSupplier lastPulseNanos, long thresholdMillis) {
        this.fxThread = fxThread;
        this.lastPulseNanos = lastPulseNanos;
        this.thresholdNanos = thresholdMillis * 1_000_000;
    }

    void start() {
        running = true;
        sampler = new Thread(this::sampleUntilStopped, "stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
    }

    /** The most frequent places, one line each, with the milliseconds of stall they account for. */
    List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("FX thread during gaps over " + thresholdNanos / 1_000_000 + " ms (sampled every " + SAMPLE_MILLIS
                + " ms):" + (samples.isEmpty() ? " none" : ""));
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> lines.add(String.format("  ~%5d ms  %s", e.getValue() * SAMPLE_MILLIS, e.getKey())));
        return lines;
    }

    private void sampleUntilStopped() {
        while (running) {
            long last = lastPulseNanos.getAsLong();
            if (last != 0 && System.nanoTime() - last > thresholdNanos) {
                samples.merge(place(fxThread.getStackTrace()), 1, Integer::sum);
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String place(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "(no Java frames)";
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("org.supertickets") && !frame.getClassName().contains(".bench.")) {
                return frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber()
                        + "  (top: " + stack[0].getClassName() + "." + stack[0].getMethodName() + ")";
            }
        }
        return stack[0].getClassName() + "." + stack[0].getMethodName();
    }
}
