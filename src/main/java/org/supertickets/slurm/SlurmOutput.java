package org.supertickets.slurm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses what squeue, scontrol and sacct print about an array's tasks, keyed by array task id. */
final class SlurmOutput {

    private static final Pattern FIELD = Pattern.compile("(?:^|\\s)(ArrayTaskId|JobState|Reason|ExitCode)=(\\S*)");
    /** One part of an array's task list: {@code 3}, {@code 2-7} or {@code 0-9:2}. */
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+)(?::(\\d+))?)?");

    private SlurmOutput() {
    }

    /** {@code squeue -h -r -o '%K|%T|%r'}: one task per line. */
    static Map<Integer, TaskState> squeue(String text) {
        Map<Integer, TaskState> tasks = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split("\\|", -1);
            if (parts.length == 3 && parts[0].matches("\\d+")) {
                tasks.put(Integer.parseInt(parts[0]), new TaskState(parts[1], parts[2], ""));
            }
        }
        return tasks;
    }

    /**
     * {@code scontrol -o show job ID}: one task per line; pending tasks not yet split off show a range of ids
     * (e.g. 2-3) and are skipped (squeue lists them one by one).
     */
    static Map<Integer, TaskState> scontrol(String text) {
        Map<Integer, TaskState> tasks = new HashMap<>();
        Map<Integer, TaskState> ofRanges = new HashMap<>();
        for (String line : text.split("\n")) {
            Map<String, String> fields = new HashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                fields.putIfAbsent(m.group(1), m.group(2));
            }
            String id = fields.get("ArrayTaskId");
            if (id == null || !fields.containsKey("JobState")) {
                continue;
            }
            TaskState state = new TaskState(fields.get("JobState"), fields.get("Reason"), fields.get("ExitCode"));
            if (id.matches("\\d+")) {
                tasks.put(Integer.parseInt(id), state);
            } else {
                // The array's own record stands for the tasks that never started: "0-3", "2,5-7", "0-9%2".
                taskIndices(id).forEach(i -> ofRanges.put(i, state));
            }
        }
        ofRanges.forEach(tasks::putIfAbsent);
        return tasks;
    }

    private static List<Integer> taskIndices(String spec) {
        List<Integer> indices = new ArrayList<>();
        String withoutThrottle = spec.replaceFirst("%\\d+$", "");
        for (String part : withoutThrottle.split(",")) {
            Matcher range = RANGE.matcher(part);
            if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = range.group(2) == null ? from : Integer.parseInt(range.group(2));
                int step = range.group(3) == null ? 1 : Math.max(1, Integer.parseInt(range.group(3)));
                for (int i = from; i <= to; i += step) {
                    indices.add(i);
                }
            }
        }
        return indices;
    }

    /** {@code sacct -n -P -X --format=JobID,State,ExitCode,Reason}: lines like {@code 12_3|FAILED|1:0|None}. */
    static Map<Integer, TaskState> sacct(String text, String jobId) {
        Map<Integer, TaskState> tasks = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split("\\|", -1);
            if (parts.length >= 3 && parts[0].matches(Pattern.quote(jobId) + "_\\d+")) {
                int id = Integer.parseInt(parts[0].substring(jobId.length() + 1));
                tasks.put(id, new TaskState(parts[1], parts.length > 3 ? parts[3] : "", parts[2]));
            }
        }
        return tasks;
    }
}
