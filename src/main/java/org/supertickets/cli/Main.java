package org.supertickets.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless workbench: run, resume, validate, info, retrain, transfer, bench, schema. */
@Command(name = "supertickets", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Find SuperTickets: search and prune a supernet in one training run.",
        subcommands = {RunCommand.class, ResumeCommand.class, ValidateCommand.class, InfoCommand.class,
            RetrainCommand.class, FinetuneCommand.class, PruneCommand.class, TransferCommand.class, ImpCommand.class,
            CompareCommand.class, SweepCommand.class, LatencyCommand.class, BenchCommand.class, ExportCommand.class,
            SchemaCommand.class})
public final class Main implements Runnable {

    /** Exit code of a config or input the user must fix. */
    static final int EXIT_BAD_INPUT = 2;
    /** Exit code of a run that failed while training. */
    static final int EXIT_FAILED = 1;
    /** Exit code of a run cancelled by Ctrl-C (a checkpoint was kept). */
    static final int EXIT_CANCELLED = 130;

    public static void main(String[] args) {
        configureEngineOffline();
        System.exit(execute(args));
    }

    /**
     * Runs a command line and returns its exit code (tests call this). Everything it prints, its own lines and
     * picocli's, goes through {@link TerminalText}: user strings reach the terminal with their control and bidi
     * characters escaped.
     */
    public static int execute(String... args) {
        configureEngineOffline();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(TerminalText.escaping(out));
        System.setErr(TerminalText.escaping(err));
        try {
            CommandLine commandLine = commandLine();
            commandLine.setOut(TerminalText.escapingWriter(out));
            commandLine.setErr(TerminalText.escapingWriter(err));
            // Colours are ESC sequences, which the escaping would spell out; help reads the same without them.
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
            return commandLine.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The command line with every command's help completed by its exit codes and an example. */
    static CommandLine commandLine() {
        return CommandHelp.install(new CommandLine(new Main()));
    }

    /** The version of the build ({@code Implementation-Version} of the packaged jar). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"SuperTickets Workbench " + org.supertickets.run.WorkbenchVersion.get()};
        }
    }

    /**
     * DJL must never download natives or call out at start; both switches must be set before its first call.
     * (OPT_OUT_TRACKING can only come from the environment; README and the Maven config set it.)
     */
    public static void configureEngineOffline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    }

    @Override
    public void run() {
        commandLine().usage(System.out, CommandLine.Help.Ansi.OFF);
    }
}
