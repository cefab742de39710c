package org.supertickets.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.supertickets.run.MemoryFit;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.MemoryEstimate;
import org.supertickets.space.NetworkSummary;
import org.supertickets.space.SearchSpaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code validate CONFIG}: check a config and show what its search space amounts to. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config; print every problem with its fix, or the supernet's size.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONFIG", description = "search-space config (JSON)")
    Path config;

    @Override
    public Integer call() {
        try {
            SearchSpaceConfig resolved = ConfigIo.loadResolved(config);
            NetworkSummary s = NetworkSummary.of(resolved);
            String tooBig = "gpu".equals(resolved.training().device()) ? null
                    : MemoryFit.problem(resolved, MemoryFit.availableBytes());
            System.out.printf(Locale.ROOT, "%s is valid%s (config hash %s)%n", config, tooBig == null ? ""
                    : ", but too large to train on this machine", ConfigIo.hash(resolved).substring(0, 12));
            System.out.printf(Locale.ROOT, "  supernet: %d blocks, %d branches, %,d MACs, %,d params, %,d prunable "
                    + "weights%n", s.blocks(), s.branches(), s.supernetMacs(), s.supernetParams(), s.prunableWeights());
            System.out.printf(Locale.ROOT, "  smallest subnet (every block body searched away): %,d MACs, %,d params%n",
                    s.smallestMacs(), s.smallestParams());
            System.out.println("  " + org.supertickets.space.Cadence.of(resolved).describe());
            for (var warning : org.supertickets.space.ConfigValidator.warnings(resolved)) {
                System.out.println("  warning: " + warning);
            }
            System.out.println("  memory to train: about " + MemoryEstimate.of(resolved));
            if (tooBig != null) {
                System.err.println(config + ": " + tooBig);
                return Main.EXIT_BAD_INPUT;
            }
            return 0;
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
    }
}
