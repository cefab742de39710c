package org.supertickets.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What every {@code --help} ends with: the exit codes and one example of the command. Kept in one place so the
 * codes cannot drift apart between commands, and so a test can parse every example against its command.
 */
final class CommandHelp {

    /** The exit codes every command returns, in the order {@code --help} lists them. */
    static final Map<String, String> EXIT_CODES = exitCodes();

    /** One example per command, as typed after the program's name. */
    static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("run", "run sample-configs/quickstart.json --epochs 2 --seed 7"),
            Map.entry("resume", "resume runs/quickstart-20261201-101500"),
            Map.entry("validate", "validate sample-configs/fashion-mnist.json"),
            Map.entry("info", "info runs/quickstart-20261201-101500/ticket"),
            Map.entry("retrain", "retrain runs/quickstart-20261201-101500/ticket --from random --epochs 6"),
            Map.entry("finetune", "finetune runs/quickstart-20261201-101500/ticket --epochs 2"),
            Map.entry("prune", "prune runs/nas-20261201-101500/ticket --sparsity 0.9 --criterion snip --epochs 0"),
            Map.entry("transfer", "transfer runs/quickstart-20261201-101500/ticket --data mnist --epochs 2"),
            Map.entry("imp", "imp sample-configs/quickstart.json --fraction 0.2"),
            Map.entry("compare", "compare runs/sweep-20261201-101500 --out compare-out"),
            Map.entry("sweep", "sweep sample-configs/quickstart.json --grid method=supertickets,nas-only "
                    + "--grid seed=1,2"),
            Map.entry("latency", "latency runs/quickstart-20261201-101500/ticket --precision 0.05"),
            Map.entry("bench", "bench sample-configs/quickstart.json --steps 50"),
            Map.entry("export", "export runs/quickstart-20261201-101500/ticket --onnx ticket.onnx"),
            Map.entry("schema", "schema --out docs/config.schema.json"));

    /** Columns of {@code --help}. */
    static final int USAGE_WIDTH = 110;

    private CommandHelp() {
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "done");
        codes.put(Integer.toString(Main.EXIT_FAILED), "the run failed while training (see run.log in its folder)");
        codes.put(Integer.toString(Main.EXIT_BAD_INPUT), "bad input: config, data, folder or command line");
        codes.put(Integer.toString(Main.EXIT_CANCELLED), "cancelled by Ctrl-C (a checkpoint was kept)");
        return codes;
    }

    /** Adds the exit codes to the top command and to every subcommand, and each subcommand's example. */
    static CommandLine install(CommandLine top) {
        // Wide enough that no example wraps: an example is for copying.
        top.setUsageHelpWidth(USAGE_WIDTH);
        addExitCodes(top.getCommandSpec().usageMessage());
        String program = top.getCommandName();
        top.getCommandSpec().usageMessage().footerHeading("%nExample:%n")
                .footer("  " + program + " " + EXAMPLES.get("run"), "  " + program + " run --help");
        for (CommandLine sub : top.getSubcommands().values()) {
            UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            addExitCodes(usage);
            String example = EXAMPLES.get(sub.getCommandName());
            if (example != null) {
                usage.footerHeading("%nExample:%n").footer("  " + program + " " + example);
            }
        }
        return top;
    }

    private static void addExitCodes(UsageMessageSpec usage) {
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
    }
}
