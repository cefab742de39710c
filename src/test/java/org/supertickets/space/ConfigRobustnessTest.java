package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Randomly edited sample configs (fixed seed) must end in a valid config or a ConfigException naming the file,
 * never another exception: the designer validates every keystroke and the CLI every file a user hands it.
 */
class ConfigRobustnessTest {

    private static final int CASES = 1500;
    private static final List<String> VALUES = List.of("0", "-1", "1", "2", "3", "4", "7", "9", "0.5", "1e9", "-0.0",
            "null", "true", "\"x\"", "[]", "[0]", "[1, 1]", "{}", "99999999999", "1.5");

    @Test
    void editedConfigsAreValidOrRejectedWithTheirFileName() throws Exception {
        SplittableRandom random = new SplittableRandom(1995);
        List<String> samples = new ArrayList<>();
        for (String name : new String[] {"quickstart", "fashion-mnist", "cifar10"}) {
            samples.add(Files.readString(SampleEdits.sample(name)));
        }
        int valid = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            String text = mutate(samples.get(i % samples.size()), random);
            try {
                ConfigValidator.warnings(ConfigResolver.resolve(ConfigIo.parse(Path.of("edited.json"), text)));
                SearchSpaceConfig config = ConfigIo.parseResolved(Path.of("edited.json"), text);
                NetworkSummary.of(config);
                Architecture.supernet(config).smallestSubnet().layers();
                ConfigIo.hash(config);
                valid++;
            } catch (ConfigException e) {
                assertTrue(e.getMessage().startsWith("edited.json"), e.getMessage());
                assertTrue(!e.issues().isEmpty(), e.getMessage());
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " threw " + e + " for:\n" + text, e);
            }
        }
        assertTrue(valid > CASES / 20 && rejected > CASES / 2, valid + " valid, " + rejected + " rejected");
    }

    /** Replaces one to three values (the text after a " : ") with values that are often wrong. */
    private static String mutate(String text, SplittableRandom random) {
        String s = text;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<Integer> starts = new ArrayList<>();
            for (int at = s.indexOf(" : "); at >= 0; at = s.indexOf(" : ", at + 1)) {
                starts.add(at + 3);
            }
            int start = starts.get(random.nextInt(starts.size()));
            char first = s.charAt(start);
            if (first == '{' || s.startsWith("[\n", start)) {
                continue; // keep sections and the stages list whole: replacing them is covered elsewhere
            }
            int end = first == '[' ? s.indexOf(']', start) + 1 : endOfScalar(s, start);
            s = s.substring(0, start) + VALUES.get(random.nextInt(VALUES.size())) + s.substring(end);
        }
        return s;
    }

    private static int endOfScalar(String s, int start) {
        int end = start;
        if (s.charAt(start) == '"') {
            end = s.indexOf('"', start + 1) + 1;
        } else {
            while (end < s.length() && ",}\n ".indexOf(s.charAt(end)) < 0) {
                end++;
            }
        }
        return end;
    }
}
