package org.supertickets.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The same supernet trained by plain PyTorch in Python ({@code src/scripts/pytorch_supernet.py}), run as a child
 * process so it shares the machine with nothing of ours.
 */
public final class PyTorchYardstick {

    private final Path python;
    private final Path script;

    public PyTorchYardstick(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** Fails with a message naming what is missing and how to get it. */
    public void checkAvailable() throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new IOException(script + " not found. Fix: run bench from the repository root or pass "
                    + "--pytorch-script PATH.");
        }
        if (!Files.isExecutable(python)) {
            throw new IOException(python + " not found. Fix: apt-get install python3-torch (Debian's PyTorch is "
                    + "installed for /usr/bin/python3) or pass --python PATH.");
        }
    }

    /** One measurement: images/s and CPU seconds per step over {@code steps} steps after {@code warmup}. */
    public YardstickResult measure(Path config, int warmup, int steps, int threads)
            throws IOException, InterruptedException {
        // One stream: reading stdout to its end while stderr fills its pipe would hang both processes.
        Process process = new ProcessBuilder(List.of(python.toString(), script.toString(), config.toString(),
                "--warmup", Integer.toString(warmup), "--steps", Integer.toString(steps), "--threads",
                Integer.toString(threads))).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(script + " failed: " + out.strip());
        }
        return parse(out);
    }

    static YardstickResult parse(String output) throws IOException {
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        JsonNode json = new ObjectMapper().readTree(last);
        if (json == null || !json.has("images_per_second") || !json.has("cpu_seconds_per_step")) {
            throw new IOException("the PyTorch yardstick printed no result: " + output.strip());
        }
        return new YardstickResult(json.get("images_per_second").asDouble(),
                json.get("cpu_seconds_per_step").asDouble(), json.path("torch").asText("?"));
    }

    /** What the PyTorch run measured. */
    public record YardstickResult(double imagesPerSecond, double cpuSecondsPerStep, String torchVersion) {
    }
}
