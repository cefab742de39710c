package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.run.MemoryFit;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.ConfigValidator;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.ValidationIssue;

/** What a config may ask for is bounded: stage count, supernet size, and the memory its training needs. */
@Timeout(60)
class ConfigLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    private static SearchSpaceConfig quickstartWith(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Path.of("sample-configs/quickstart.json").toFile());
        edit.accept(root);
        return ConfigResolver.resolve(ConfigIo.parse(Path.of("limits.json"), root.toString()));
    }

    private Path writeQuickstartWith(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Path.of("sample-configs/quickstart.json").toFile());
        edit.accept(root);
        Path file = dir.resolve("limits.json");
        Files.writeString(file, root.toPrettyString());
        return file;
    }

    @Test
    @Timeout(10)
    void aConfigOfFiveThousandStagesIsRefusedAtOnce() throws Exception {
        SearchSpaceConfig config = quickstartWith(root -> {
            ArrayNode stages = (ArrayNode) root.get("stages");
            ObjectNode stage = (ObjectNode) stages.get(1);
            stages.removeAll();
            for (int i = 0; i < 5000; i++) {
                stages.add(stage.deepCopy().put("stride", 1));
            }
        });
        List<ValidationIssue> issues = ConfigValidator.validate(config);
        assertTrue(issues.stream().anyMatch(i -> i.path().equals("stages") && i.message().contains("5000 stages")),
                issues.toString());
    }

    @Test
    void aSupernetOfBillionsOfWeightsIsNotValid() throws Exception {
        SearchSpaceConfig config = quickstartWith(root -> {
            ArrayNode stages = (ArrayNode) root.get("stages");
            ObjectNode wide = ((ObjectNode) stages.get(1)).deepCopy().put("channels", 1024).put("repeats", 16)
                    .put("stride", 1).put("expansionRatio", 8);
            stages.removeAll();
            for (int i = 0; i < 8; i++) {
                stages.add(wide.deepCopy());
            }
        });
        List<ValidationIssue> issues = ConfigValidator.validate(config);
        assertTrue(issues.stream().anyMatch(i -> i.path().equals("stages") && i.message().contains("weights")
                && i.fix().contains("channels")), issues.toString());
    }

    @Test
    void theMemoryCheckSaysHowMuchItNeedsAndWhatToShrink() throws Exception {
        SearchSpaceConfig quickstart = quickstartWith(root -> { });
        assertNull(MemoryFit.problem(quickstart, 1L << 30), "the quickstart trains in a GB");
        String problem = MemoryFit.problem(quickstart, 10_000_000);
        assertNotNull(problem);
        assertTrue(problem.contains("needs about") && problem.contains("0.01 GB free")
                && problem.contains("Fix: lower training.batchSize"), problem);
    }

    @Test
    void validateAndRunRefuseATrainingThatCannotFitThisMachine() throws Exception {
        Path config = writeQuickstartWith(root -> {
            ((ObjectNode) root.get("training")).put("batchSize", 4096).put("device", "cpu");
            ((ObjectNode) root.get("stem")).put("channels", 1024);
            for (var stage : root.get("stages")) {
                ((ObjectNode) stage).put("channels", 1024).put("stride", 1);
            }
        });
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("validate", config.toString()));
        assertTrue(console.err().contains("limits.json: Training 'quickstart' needs about")
                && console.err().contains("Fix: lower training.batchSize"), console.err());

        console.reset();
        Path runs = dir.resolve("runs");
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("run", config.toString(), "--out", runs.toString(), "--quiet"));
        assertTrue(console.err().contains("needs about"), console.err());
        assertFalse(Files.exists(runs), "refused before a run folder was made or anything allocated");
    }
}
