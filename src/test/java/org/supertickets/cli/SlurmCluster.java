package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.supertickets.slurm.SlurmCommands;

/**
 * The Slurm cluster a test runs on (CI starts a single-node one with src/scripts/start-slurm.sh). A test is skipped,
 * with the reason printed, only where sbatch is absent; where sbatch is present the controller must answer.
 */
public final class SlurmCluster {

    private SlurmCluster() {
    }

    public static void require(String test) throws Exception {
        if (!SlurmCommands.sbatchOnPath()) {
            String reason = test + " skipped: sbatch is not on the PATH (start a single-node Slurm with "
                    + "eval \"$(src/scripts/start-slurm.sh)\")";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        Process ping = new ProcessBuilder("scontrol", "ping").redirectErrorStream(true).start();
        String said = new String(ping.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ping.waitFor(60, TimeUnit.SECONDS) || ping.exitValue() != 0 || !said.contains("UP")) {
            fail("sbatch is on the PATH but no Slurm controller answers 'scontrol ping': " + said.strip()
                    + ". Fix: eval \"$(src/scripts/start-slurm.sh)\" (it starts one and exports SLURM_CONF).");
        }
        System.out.println(test + " runs on Slurm: " + said.strip());
    }
}
