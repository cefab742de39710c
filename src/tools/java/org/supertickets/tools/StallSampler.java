package org.supertickets.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Says what the FX thread was doing while it stalled: every few milliseconds, when no pulse has come for
 * longer than a threshold, it samples the FX thread's stack and counts the innermost workbench frame (or the
 * top frame when no workbench code is on the stack), so a long gap in {@code UiBenchmark} names its cause. When
 * the FX thread is parked (waiting for the render thread to finish the previous frame), the render thread's top
 * frames are counted too.
 */
final class StallSampler {
    private static final long SAMPLE_MILLIS = 5;

    private final Thread fxThread;
    private final LongSupplier lastPulseNanos;
    private final long thresholdNanos;
    private final Map<String, Integer> samples = new ConcurrentHashMap<>();
    private final Map<String, Integer> renderSamples = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread sampler;
    /** JavaFX's render thread, found on the first sample that needs it (read by the sampler thread only). */
    private Thread renderer;

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
        if (!renderSamples.isEmpty()) {
            lines.add("render thread while the FX thread was parked in those gaps:");
            renderSamples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(8).forEach(e -> lines.add(String.format("  ~%5d ms  %s", e.getValue() * SAMPLE_MILLIS,
                            e.getKey())));
        }
        return lines;
    }

    private void sampleUntilStopped() {
        while (running) {
            long last = lastPulseNanos.getAsLong();
            if (last != 0 && System.nanoTime() - last > thresholdNanos) {
                StackTraceElement[] stack = fxThread.getStackTrace();
                samples.merge(place(stack), 1, Integer::sum);
                Thread renderer = renderThread();
                if (stack.length > 0 && stack[0].getMethodName().equals("park") && renderer != null) {
                    renderSamples.merge(topFrames(renderer.getStackTrace()), 1, Integer::sum);
                }
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Thread renderThread() {
        if (renderer == null) {
            renderer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
        }
        return renderer;
    }

    /** The top three frames: where the renderer spends its time (all of it is JavaFX's own code). */
    private static String topFrames(StackTraceElement[] stack) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(3, stack.length); i++) {
            where.append(i == 0 ? "" : " < ").append(stack[i].getClassName().replaceAll(".*\\.", ""))
                    .append('.').append(stack[i].getMethodName());
        }
        for (StackTraceElement frame : stack) {
            // the scene-graph node being drawn, e.g. NGCanvas.renderStream or NGNode.renderClip
            if (frame.getClassName().contains(".sg.prism.NG")) {
                where.append("  [in ").append(frame.getClassName().replaceAll(".*\\.", "")).append('.')
                        .append(frame.getMethodName()).append(']');
                break;
            }
        }
        return stack.length == 0 ? "(no Java frames)" : where.toString();
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
