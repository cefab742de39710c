package org.supertickets.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A per-operator profile: libtorch's profiler trace (the Chrome-trace JSON that DJL's
 * {@code PyTorchInternals.stopProfiler} writes) summed per operator name, with each operator's <em>self</em> time, i.e.
 * its duration less that of the operators it called, so the rows add up to the time spent in libtorch.
 *
 * @param operators  one row per operator name, most self time first
 * @param totalMicros sum of all self times = time inside profiled libtorch calls
 */
public record OperatorProfile(List<Operator> operators, double totalMicros) {

    /** One operator name over the profiled steps. */
    public record Operator(String name, long calls, double selfMicros, double totalMicros) {
    }

    private record Event(String name, long tid, double start, double duration) {
        double end() {
            return start + duration;
        }
    }

    /** Reads and sums a trace file. */
    public static OperatorProfile read(Path trace) throws IOException {
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        List<Event> events = new ArrayList<>();
        for (JsonNode e : root) {
            events.add(new Event(e.path("name").asText(), e.path("tid").asLong(), e.path("ts").asDouble(),
                    e.path("dur").asDouble()));
        }
        return of(events);
    }

    private static OperatorProfile of(List<Event> events) {
        Map<Long, List<Event>> byThread = new HashMap<>();
        events.forEach(e -> byThread.computeIfAbsent(e.tid(), t -> new ArrayList<>()).add(e));
        Map<String, double[]> sums = new HashMap<>(); // name -> {calls, self, total}
        for (List<Event> thread : byThread.values()) {
            // Parents first: earlier start, and of two that start together the longer one.
            thread.sort(Comparator.comparingDouble(Event::start).thenComparing(Event::duration,
                    Comparator.reverseOrder()));
            Deque<Event> open = new ArrayDeque<>();
            Map<Event, Double> childTime = new IdentityHashMap<>();
            for (Event e : thread) {
                while (!open.isEmpty() && open.peek().end() <= e.start()) {
                    close(open.pop(), childTime, sums);
                }
                if (!open.isEmpty()) {
                    childTime.merge(open.peek(), e.duration(), Double::sum);
                }
                open.push(e);
            }
            while (!open.isEmpty()) {
                close(open.pop(), childTime, sums);
            }
        }
        List<Operator> operators = new ArrayList<>();
        sums.forEach((name, s) -> operators.add(new Operator(name, (long) s[0], s[1], s[2])));
        operators.sort(Comparator.comparingDouble(Operator::selfMicros).reversed());
        return new OperatorProfile(List.copyOf(operators),
                operators.stream().mapToDouble(Operator::selfMicros).sum());
    }

    private static void close(Event e, Map<Event, Double> childTime, Map<String, double[]> sums) {
        double self = Math.max(0, e.duration() - childTime.getOrDefault(e, 0.0));
        double[] s = sums.computeIfAbsent(e.name(), n -> new double[3]);
        s[0]++;
        s[1] += self;
        s[2] += e.duration();
    }

    /** The {@code rows} largest operators as a Markdown table, times per step. */
    public String table(int rows, int steps) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "| operator | calls/step | self ms/step | share |%n| --- | ---: | ---: | ---: |%n"));
        for (Operator op : operators.subList(0, Math.min(rows, operators.size()))) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f %% |%n", op.name(),
                    (double) op.calls() / steps, op.selfMicros() / 1000 / steps,
                    100 * op.selfMicros() / Math.max(1e-9, totalMicros)));
        }
        out.append(String.format(Locale.ROOT, "| all operators | %.0f | %.2f | 100 %% |%n",
                operators.stream().mapToLong(Operator::calls).sum() / (double) steps, totalMicros / 1000 / steps));
        return out.toString();
    }
}
